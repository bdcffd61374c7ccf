import { z } from 'zod';
import { MAX_PAGE_SIZE } from '../../application/portfolio/list-planning-items';

/** What the project page may send: a page of the portfolio. */
export const listPlanningItemsPayloadSchema = z
  .object({
    pageToken: z.string().max(2000).nullish(),
    pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  })
  .strict();
