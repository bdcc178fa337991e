import { notFound, requireText } from '@civic/service-kit';
import type { SubmitWishInput } from '../generated/resolvers-types.ts';
import type { WishDocument } from '../models/wish.ts';
import { TEXT_LIMITS } from '../domain/vocabulary.ts';
import type { Loaders } from '../loaders.ts';
import { tooManyTags } from '../errors.ts';

/** Input checks of the wish mutations; each names the offending field, before anything is written. */

export function wishText(input: Pick<SubmitWishInput, 'title' | 'description' | 'tags'>): { title: string; description: string; tags: string[] } {
  const title = requireText('title', input.title, { max: TEXT_LIMITS.title });
  const description = requireText('description', input.description, { max: TEXT_LIMITS.description });
  const tags = [...new Set((input.tags ?? []).map((tag) => requireText('tags', tag, { max: TEXT_LIMITS.tag })))];
  if (tags.length > TEXT_LIMITS.tags) throw tooManyTags(TEXT_LIMITS.tags);
  return { title, description, tags };
}

export function noteText(field: string, value: string): string {
  return requireText(field, value, { max: TEXT_LIMITS.note });
}

export function optionalNote(field: string, value: string | null | undefined, max: number = TEXT_LIMITS.note): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  return requireText(field, value, { max });
}

/** The wish an operation acts on, read afresh; unknown is NOT_FOUND. */
export async function loadWish(loaders: Loaders, id: string): Promise<WishDocument> {
  const wish = await loaders.wish.load(id);
  if (!wish) throw notFound('Wish', id);
  return wish;
}
