// Inputs of the bulk power channels (see shared/bulk-actions.ts). Bounded: at most BULK_MAX_GUESTS guests,
// each once, and only the actions offered in bulk.
import { z } from 'zod'

import { BULK_ACTIONS, BULK_MAX_GUESTS } from '../bulk-actions'
import { guestRefSchema } from './schemas'

export const bulkActionInputSchema = z
  .object({
    action: z.enum(BULK_ACTIONS),
    guests: z.array(guestRefSchema.strict()).min(1, 'Select at least one guest').max(BULK_MAX_GUESTS, `At most ${BULK_MAX_GUESTS} guests at once`)
  })
  .strict()
  .refine((i) => new Set(i.guests.map((g) => `${g.clusterId}/${g.vmid}`)).size === i.guests.length, {
    message: 'Each guest may be listed only once',
    path: ['guests']
  })

export const bulkCancelInputSchema = z
  .object({
    batchId: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/)
  })
  .strict()
