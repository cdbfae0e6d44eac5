/**
 * The health API as the web sees it: the diagnosis is the engine's
 * DiagnosisResult (the `shequn diagnose --json` contract), imports and
 * identities are the types the server's schemas infer — all imported type-only.
 */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.js';
import type { HealthView, IdentityView, ImportView } from '../../../../src/features/health/schemas.js';

export type { HealthView, IdentityView, ImportView };

export const healthPath = (slug: string) => `/api/communities/${encodeURIComponent(slug)}`;

export function useHealth(slug: string) {
  return useQuery({ queryKey: ['community', slug, 'health'], queryFn: () => api<HealthView>('GET', `${healthPath(slug)}/health`) });
}

export function useIdentities(slug: string) {
  return useQuery({ queryKey: ['community', slug, 'identities'], queryFn: () => api<{ identities: IdentityView[] }>('GET', `${healthPath(slug)}/identities`) });
}

/** Polls an import while it runs (the progress bar), then stops. */
export function useImport(slug: string, id: string | null) {
  return useQuery({
    queryKey: ['community', slug, 'import', id],
    enabled: id !== null,
    queryFn: () => api<ImportView>('GET', `${healthPath(slug)}/imports/${id}`),
    refetchInterval: (q) => (q.state.data?.state === 'running' || !q.state.data ? 500 : false),
  });
}

export function uploadExport(slug: string, file: File): Promise<ImportView> {
  return api<ImportView>('POST', `${healthPath(slug)}/imports?name=${encodeURIComponent(file.name)}`, file);
}
