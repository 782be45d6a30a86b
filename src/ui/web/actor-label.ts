/**
 * Who did it, for a person: the audit trail stores {type, id} and a key's label often repeats the
 * role ("steward:bootstrap"), which read as "steward:steward:bootstrap"; show the role once.
 */
export function actorLabel(actor: { type: string; id: string }): string {
  return actor.id === actor.type || actor.id.startsWith(`${actor.type}:`) ? actor.id : `${actor.type}:${actor.id}`;
}
