import type { HouseholdCell } from '../../../api/types';

/** "301" on floor 3 and "401" on floor 4 stand in one column: the part after the floor number. */
export function roomPosition(cell: Pick<HouseholdCell, 'floor' | 'room'>): string {
  const floor = cell.floor === null ? '' : String(cell.floor);
  return floor && cell.room.startsWith(floor) && cell.room.length > floor.length
    ? cell.room.slice(floor.length)
    : cell.room;
}

const byText = (a: string, b: string) => a.localeCompare(b, 'zh', { numeric: true });

export interface UnitLayout {
  unit: string;
  /** Top floor first; households without a floor last. */
  floors: { floor: number | null; cells: (HouseholdCell | null)[] }[];
  /** Column count: the room positions of this unit, left to right. */
  positions: string[];
}

/** A building as units side by side, each a grid of floors (top to bottom) × rooms (left to right). */
export function layoutBuilding(households: HouseholdCell[]): UnitLayout[] {
  const units = [...new Set(households.map((h) => h.unit))].sort(byText);
  return units.map((unit) => {
    const inUnit = households.filter((h) => h.unit === unit);
    const positions = [...new Set(inUnit.map(roomPosition))].sort(byText);
    const floors = [...new Set(inUnit.map((h) => h.floor))].sort((a, b) =>
      a === null ? 1 : b === null ? -1 : b - a,
    );
    return {
      unit,
      positions,
      floors: floors.map((floor) => ({
        floor,
        cells: positions.map(
          (position) => inUnit.find((h) => h.floor === floor && roomPosition(h) === position) ?? null,
        ),
      })),
    };
  });
}
