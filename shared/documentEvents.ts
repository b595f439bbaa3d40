/**
 * What can change about a document outside its Yjs content. The server's event stream names
 * only the kind; clients re-read that part through the API, so an event never carries data.
 */
export const EVENT_KINDS = ['status', 'members', 'comments', 'assignments', 'versions'] as const
export type EventKind = (typeof EVENT_KINDS)[number]
