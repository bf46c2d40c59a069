// Account inputs, shared by the settings page and the API.
import { z } from 'zod';
import { currentPasswordSchema } from './auth';

/** Deleting one's own account: the current password confirms it. */
export const deleteAccountSchema = z.object({ password: currentPasswordSchema });
