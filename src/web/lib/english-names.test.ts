import { describe, expect, it } from 'vitest';
import { PERSON_TAGS } from '../../server/db/migrations/0002-register';
import { SEED_CATEGORIES } from '../../server/db/migrations/0004-work-orders.seed';
import { RELATIONS } from '../../shared/register-template';
import { ATTRIBUTE_NAMES_EN } from './attribute-names';
import { RELATION_NAMES_EN } from './relation-name';
import { TAG_NAMES_EN } from './tag-name';

/** Issue 12 #15: an English reader saw the register's tags and the catalogue's questions in Chinese. */
describe('English names of what the server sends only in Chinese', () => {
  it('has one for every tag the register is seeded with', () => {
    expect(PERSON_TAGS.filter((tag) => !TAG_NAMES_EN[tag])).toEqual([]);
  });

  it('has one for every relation to the head of household the import template allows', () => {
    expect(RELATIONS.filter((relation) => !RELATION_NAMES_EN[relation])).toEqual([]);
  });

  it('has one for every built-in category question and each of its answers', () => {
    const missing: string[] = [];
    for (const category of SEED_CATEGORIES) {
      for (const attribute of category.attributes) {
        const en = ATTRIBUTE_NAMES_EN[attribute.code];
        if (!en?.label) missing.push(attribute.code);
        for (const value of attribute.values ?? []) {
          if (!en?.values?.[value.key]) missing.push(`${attribute.code}.${value.key}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
