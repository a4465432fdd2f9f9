/** Inbound media needs Twilio's credentials, so the background fetches it and hands out data URLs. */
import type { MediaItem } from '@/utils/messaging/views';
import type { TwilioClient } from './twilio/types';

/** WhatsApp caps media at 16 MB; beyond this a data URL would be too heavy to pass to the page. */
export const MAX_INLINE_MEDIA_BYTES = 5 * 1024 * 1024;

async function toDataUrl(blob: Blob, contentType: string): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  // Chunked: String.fromCharCode with millions of arguments overflows the stack.
  for (let offset = 0; offset < bytes.length; offset += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  }
  return `data:${contentType};base64,${btoa(binary)}`;
}

export async function fetchMessageMedia(client: TwilioClient, messageSid: string): Promise<MediaItem[]> {
  const media = await client.listMedia(messageSid);
  return Promise.all(
    media.map(async (item) => {
      const contentType = item.content_type ?? 'application/octet-stream';
      const blob = await client.fetchMediaContent(item);
      return {
        sid: item.sid,
        contentType,
        dataUrl: blob.size > MAX_INLINE_MEDIA_BYTES ? null : await toDataUrl(blob, blob.type || contentType),
      };
    }),
  );
}
