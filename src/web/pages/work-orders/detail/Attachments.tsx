import { FileOutlined } from '@ant-design/icons';
import { Flex, Image, Typography } from 'antd';
import { attachmentUrl, thumbnailUrl, type WorkOrderAttachment } from '../../../api/work-orders';

/** Photos as thumbnails that open the full picture; other files as links. */
export function Attachments({ items }: { items: readonly WorkOrderAttachment[] }) {
  if (items.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <Flex gap={8} wrap data-testid="order-attachments">
        {items.map((item) =>
          item.hasThumbnail ? (
            <Image
              key={item.id}
              width={88}
              height={88}
              style={{ objectFit: 'cover', borderRadius: 4 }}
              src={thumbnailUrl(item.id)}
              preview={{ src: attachmentUrl(item.id) }}
              alt={item.fileName}
              data-testid={`attachment-${item.id}`}
            />
          ) : (
            <Typography.Link
              key={item.id}
              href={attachmentUrl(item.id)}
              target="_blank"
              data-testid={`attachment-${item.id}`}
            >
              <FileOutlined /> {item.fileName}
            </Typography.Link>
          ),
        )}
      </Flex>
    </Image.PreviewGroup>
  );
}
