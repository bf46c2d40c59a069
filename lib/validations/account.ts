// Account inputs, shared by the settings page and the API.
import { z } from 'zod';

/** Deleting one's own account: the current password confirms it. */
export const deleteAccountSchema = z.object({
  password: z
    .string({ message: 'Mot de passe requis.' })
    .min(1, { message: 'Mot de passe requis.' })
    .max(200, { message: '200 caractères au plus.' }),
});
