import type { IDataObject } from 'n8n-workflow';

/** The answer as one item, without the Dialogflow access token it carries. */
export function withoutToken(response: unknown): IDataObject[] {
	if (!response || typeof response !== 'object' || Array.isArray(response)) return [];
	return [Object.fromEntries(Object.entries(response as IDataObject).filter(([key]) => key !== 'token'))];
}
