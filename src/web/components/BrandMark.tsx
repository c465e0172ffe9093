import { brand } from '../theme';

/** The 连心 mark: a white heart on a red tile. Decorative; the product name is always next to it. */
export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="12" fill={brand.mark} />
      <path d="M32 50 14 33a10 10 0 0 1 18-12 10 10 0 0 1 18 12Z" fill="#fff" />
    </svg>
  );
}
