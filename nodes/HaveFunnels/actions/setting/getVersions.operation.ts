import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'setting', operation: 'getVersions', name: 'Get Versions', action: 'Get the installed versions of HaveFunnels and its apps',
	fn: 'get-versions',
});
