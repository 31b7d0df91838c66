import type {
	IAdditionalCredentialOptions,
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

/** The contexts a transport runs in: a node execution, or a list lookup in the editor. */
export type CredentialContext = Pick<IExecuteFunctions | ILoadOptionsFunctions, 'getCredentials' | 'getNode'>;

export interface LoadedCredential<T> {
	/** What the transport derived from the credential (base URL, secrets to scrub, ...). */
	info: T;
	/**
	 * The decrypted credential, as `additionalCredentialOptions` of `httpRequestWithAuthentication`:
	 * n8n then applies the credential's `authenticate` to it instead of loading and decrypting it
	 * again for every request.
	 */
	auth: IAdditionalCredentialOptions;
}

/**
 * A per-execution credential loader for one credential type. n8n runs every node execution (an
 * `execute()` call, a list lookup) with its own context object, so the credential is loaded and
 * decrypted once per context and kept with it (a WeakMap: it goes when the context goes), then
 * reused for every item, page and retry of that execution, both for what the transport reads
 * from it and for the authentication n8n adds to each request. A failed load is not kept: the
 * next item tries again and fails the same way it always did.
 */
export function credentialLoader<T>(
	type: string,
	derive: (data: ICredentialDataDecryptedObject) => T,
): (ctx: CredentialContext, itemIndex?: number) => Promise<LoadedCredential<T>> {
	const loaded = new WeakMap<object, Promise<LoadedCredential<T>>>();
	return async (ctx, itemIndex) => {
		let pending = loaded.get(ctx);
		if (!pending) {
			pending = (async () => {
				const data = await (itemIndex === undefined
					? ctx.getCredentials(type)
					: (ctx as IExecuteFunctions).getCredentials(type, itemIndex));
				const reference = ctx.getNode().credentials?.[type];
				return {
					info: derive(data),
					auth: {
						credentialsDecrypted: { id: reference?.id ?? '', name: reference?.name ?? type, type, data },
					},
				};
			})();
			loaded.set(ctx, pending);
			const mine = pending;
			mine.catch(() => {
				if (loaded.get(ctx) === mine) loaded.delete(ctx);
			});
		}
		return await pending;
	};
}
