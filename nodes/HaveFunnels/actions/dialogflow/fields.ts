import { text } from '../common.description';

/** The language of an intent or entity, by default the main agent language. */
export const agentLanguage = text('agentLanguage', 'agent_language', 'Agent Language', 'The language code, such as es; by default the main agent language');
