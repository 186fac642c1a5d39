import type { paths } from './schema';

export type BatchAccepted =
  paths['/v1/batches']['post']['responses'][202]['content']['application/json'];

/**
 * Uploads files as one batch (`POST /v1/batches`, multipart). XMLHttpRequest, not fetch: only it
 * reports upload progress. The files travel in order, so the bytes sent say how far each file is;
 * `onProgress` gets each file's fraction (0–1).
 */
export function uploadBatch(
  key: string,
  files: readonly File[],
  onProgress: (fractions: number[]) => void,
): Promise<BatchAccepted> {
  const form = new FormData();
  for (const file of files) form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/v1/batches');
    xhr.setRequestHeader('authorization', `Bearer ${key}`);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      const total = files.reduce((n, f) => n + f.size, 0);
      // the multipart framing adds a little; scale the file bytes to the bytes sent
      let sent = e.lengthComputable && e.total > 0 ? (e.loaded / e.total) * total : 0;
      onProgress(
        files.map((f) => {
          const share = f.size === 0 ? 1 : Math.max(0, Math.min(1, sent / f.size));
          sent = Math.max(0, sent - f.size);
          return share;
        }),
      );
    };
    xhr.onload = () => {
      const body = xhr.response as { message?: string } | null;
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(files.map(() => 1));
        resolve(xhr.response as BatchAccepted);
      } else reject(new Error(body?.message ?? `${xhr.status} ${xhr.statusText}`));
    };
    xhr.onerror = () => reject(new Error('network error'));
    xhr.send(form);
  });
}
