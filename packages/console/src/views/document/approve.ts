import { ok, type Api } from '../../api/client';
import type { DocumentView, ReviewBody } from '../../api/types';
import { reviewBody, type ReviewDraft } from '../../domain/review-draft';

/** A note carried to the next page after an approval (shown once). */
let flash: string | null = null;
export function takeFlash(): string | null {
  const note = flash;
  flash = null;
  return note;
}
export function setFlash(note: string): void {
  flash = note;
}

/**
 * Sends the review, then follows the document until the publisher has published it again: the
 * answer names the new revision of its record (null if the publisher did not answer in time).
 */
export async function approve(
  api: Api,
  doc: DocumentView,
  draft: ReviewDraft,
  deadlineMs = 15_000,
): Promise<{ doc: DocumentView; revision: number | null }> {
  const body = reviewBody(draft) as ReviewBody;
  let current = await ok(
    api.POST('/v1/documents/{id}/review', { params: { path: { id: doc.id } }, body }),
  );
  const until = Date.now() + deadlineMs;
  while (current.status !== 'published' && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 300));
    current = await ok(api.GET('/v1/documents/{id}', { params: { path: { id: doc.id } } }));
  }
  return { doc: current, revision: current.status === 'published' ? current.revision : null };
}

/** The next document waiting for review, other than `exceptId`. */
export async function nextToReview(api: Api, exceptId: string): Promise<string | null> {
  const page = await ok(
    api.GET('/v1/documents', { params: { query: { status: 'needs_review', limit: 5 } } }),
  );
  return page.items.find((d) => d.id !== exceptId)?.id ?? null;
}
