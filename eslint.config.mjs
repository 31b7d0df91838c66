// n8n's own community-node lint setup (the one `@n8n/node-cli` ships and n8n's package scanner
// applies). `npm run lint` runs it with --no-inline-config, so an eslint-disable comment changes
// nothing: fix the code instead.
import { config } from '@n8n/node-cli/eslint';

export default config;
