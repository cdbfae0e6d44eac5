/**
 * Carrier hooks: when the community's membership changes, the chat groups that
 * carry it (Telegram, Discord, WeChat…) follow. Connectors register here; until
 * one does, the hooks do nothing. Hooks run after the transaction commits, so a
 * carrier failure never undoes a membership decision; they must not throw.
 */
export interface MembershipChange {
  communityId: string;
  userId: string;
  change: 'approved' | 'joined' | 'removed' | 'banned' | 'readmitted' | 'left';
  reason?: string | null;
}

export interface CarrierConnector {
  name: string;
  onMembershipChange(change: MembershipChange): Promise<void>;
}

const connectors: CarrierConnector[] = [];

export function registerCarrier(connector: CarrierConnector): () => void {
  connectors.push(connector);
  return () => {
    const i = connectors.indexOf(connector);
    if (i >= 0) connectors.splice(i, 1);
  };
}

/** Tells every connector; failures are reported to `onError`, never thrown. */
export async function notifyCarriers(change: MembershipChange, onError: (err: unknown) => void = () => {}): Promise<void> {
  for (const c of connectors) {
    try {
      await c.onMembershipChange(change);
    } catch (err) {
      onError(err);
    }
  }
}
