import { useState } from 'preact/hooks';
import { uploadBatch } from '../api/upload';
import { useConsole } from '../context';
import { t } from '../i18n';
import { navigate } from '../router';

/** Drop (or choose) many files, upload them as one batch with per-file progress, then follow it. */
export function Upload() {
  const { session } = useConsole();
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<number[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);

  const add = (list: FileList | null) => {
    if (list) setFiles((old) => [...old, ...Array.from(list)]);
  };
  const start = async () => {
    setError(null);
    setProgress(files.map(() => 0));
    try {
      const accepted = await uploadBatch(session.key, files, setProgress);
      if (accepted.batchId) navigate(`/batches/${accepted.batchId}`);
    } catch (err) {
      setError(t('upload.failed', { message: (err as Error).message }));
      setProgress(null);
    }
  };

  return (
    <section class="upload">
      <h1>{t('upload.title')}</h1>
      <div
        class={`drop-zone${over ? ' over' : ''}`}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          add(e.dataTransfer?.files ?? null);
        }}
      >
        <p>{t('upload.drop')}</p>
        <label class="button secondary">
          {t('upload.choose')}
          <input
            type="file"
            multiple
            class="visually-hidden"
            onChange={(e) => add((e.target as HTMLInputElement).files)}
          />
        </label>
      </div>
      {files.length > 0 && (
        <>
          <ul class="files">
            {files.map((f, i) => (
              <li key={`${f.name}-${i}`}>
                <span>{f.name}</span> <span class="hint">{(f.size / 1024).toFixed(1)} KB</span>
                {progress && (
                  <progress
                    max={1}
                    value={progress[i] ?? 0}
                    aria-label={t('upload.progress', { percent: f.name })}
                  >
                    {Math.round((progress[i] ?? 0) * 100)}%
                  </progress>
                )}
              </li>
            ))}
          </ul>
          <button type="button" class="primary" disabled={progress !== null} onClick={start}>
            {t('upload.start', { count: files.length })}
          </button>
        </>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
