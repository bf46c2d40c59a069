import { z } from 'zod';

export const createTokenSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: 'Donnez un nom au jeton (à quoi il sert).' })
    .max(100, { message: '100 caractères au plus.' }),
});
