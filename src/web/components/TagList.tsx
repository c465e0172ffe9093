import { Tag } from 'antd';
import { useTagName } from '../lib/tag-name';

/** Care-related tags stand out; the rest share one quiet colour. */
const colors: Record<string, string> = {
  独居老人: 'volcano',
  空巢老人: 'orange',
  重点关爱: 'red',
  低保户: 'gold',
  特困: 'gold',
  残疾人: 'purple',
  退役军人: 'green',
  留守儿童: 'magenta',
};

/** A person's or household's tags (names from the server's tag list). */
export function TagList({ tags, small }: { tags: string[]; small?: boolean }) {
  const tagName = useTagName();
  if (tags.length === 0) return null;
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: small ? 2 : 4 }}>
      {tags.map((tag) => (
        <Tag
          key={tag}
          color={colors[tag] ?? 'blue'}
          style={small ? { marginInlineEnd: 0, fontSize: 11, lineHeight: '16px', paddingInline: 4 } : {}}
          data-testid="person-tag"
        >
          {tagName(tag)}
        </Tag>
      ))}
    </span>
  );
}
