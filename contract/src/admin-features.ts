import { z } from 'zod';

/** `GET /api/admin/features`: each feature's declaration and its effective state per actor mode. */
export const AdminFeature = z.object({
  name: z.string(),
  description: z.string().optional(),
  declared_modes: z.array(z.string()),
  default_enabled: z.boolean().optional(),
  effective: z.object({ client: z.object({ allowed: z.boolean() }), owner: z.object({ allowed: z.boolean() }) }).optional(),
});
export type AdminFeature = z.infer<typeof AdminFeature>;

export const AdminFeatureList = z.object({ features: z.array(AdminFeature) });
export type AdminFeatureList = z.infer<typeof AdminFeatureList>;
