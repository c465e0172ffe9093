// The zh_CN entry alone: the package's main entry loads every locale (a second at every start).
import { faker as zhFaker } from '@faker-js/faker/locale/zh_CN';
import { chineseName } from '../fixtures/resident-rows.js';

/**
 * Chinese names from faker's zh_CN locale (surnames, and given names by gender), seeded, so the
 * same seed gives the same people. Faker's given names lean modern (子豪, 梓涵): for people born
 * before 1975 half the names come from the older pool of the test fixtures (建国, 秀英).
 */
export class DemoNames {
  private readonly faker: typeof zhFaker;

  constructor(
    seed: number,
    private readonly random: () => number,
  ) {
    // One instance per process, seeded here: districts are generated one after another.
    this.faker = zhFaker;
    this.faker.seed(seed);
  }

  /** A surname; faker draws its twelve compound surnames (欧阳, 司马) as often as 王, so most are redrawn. */
  surname(): string {
    for (;;) {
      const surname = this.faker.person.lastName();
      if (surname.length === 1 || this.random() < 0.03) return surname;
    }
  }

  /** A name for someone of this gender born in this year, with the given surname or a new one. */
  name(gender: 'male' | 'female', birthYear: number, surname = this.surname()): string {
    if (birthYear < 1975 && this.random() < 0.5) {
      const traditional = chineseName(this.random, gender);
      return `${surname}${traditional.slice(1)}`;
    }
    return `${surname}${this.faker.person.firstName(gender)}`;
  }
}
