/** The carriers feature's front door: connectors register here; membership changes reach them after commit. */
export { notifyCarriers, registerCarrier, type CarrierConnector, type MembershipChange } from './hooks.js';
