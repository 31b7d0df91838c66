'use strict';
// What PHP does at both ends of HaveFunnels' include/api.php (a Support Board white-label):
// how it reads a form body into $_POST, and how json_encode() prints the answer.

/**
 * Parses an application/x-www-form-urlencoded body the way PHP fills $_POST:
 * - a plain key that repeats keeps its LAST value (`a=1&a=2` -> '2'), unlike Node's querystring;
 * - `key[]=x` appends to an array, `key[sub]=x` / `key[0][1]=x` build nested arrays/objects
 *   (what PHP's http_build_query produces, which the vendor's own PHP sample uses).
 * Returns a plain object: values are strings, arrays or objects.
 */
function parsePhpForm(text) {
	const out = {};
	for (const [rawKey, value] of new URLSearchParams(text || '').entries()) {
		const open = rawKey.indexOf('[');
		if (open <= 0 || !rawKey.endsWith(']')) {
			out[rawKey] = value;
			continue;
		}
		const base = rawKey.slice(0, open);
		const parts = rawKey
			.slice(open + 1, -1)
			.split('][')
			.map((p) => p);
		let node = out;
		let key = base;
		for (const part of parts) {
			if (node[key] === undefined || typeof node[key] !== 'object') node[key] = {};
			node = node[key];
			key = part === '' ? String(nextIndex(node)) : part;
		}
		node[key] = value;
	}
	return listify(out);
}

function nextIndex(obj) {
	const ints = Object.keys(obj)
		.filter((k) => /^\d+$/.test(k))
		.map(Number);
	return ints.length ? Math.max(...ints) + 1 : 0;
}

/** PHP arrays with keys 0..n-1 are lists: turn such objects into JS arrays, recursively. */
function listify(value) {
	if (!value || typeof value !== 'object') return value;
	const keys = Object.keys(value);
	for (const k of keys) value[k] = listify(value[k]);
	if (keys.length && keys.every((k, i) => k === String(i))) return keys.map((k) => value[k]);
	return value;
}

/** PHP's json_encode() with its default flags: `/` printed as `\/`, non-ASCII as \uXXXX (UTF-16
 * code units, as PHP does). Both only ever occur inside JSON strings, so a text pass is safe. */
function phpJsonEncode(value, { escapeSlashes = true, escapeUnicode = true } = {}) {
	let text = JSON.stringify(value === undefined ? null : value);
	if (escapeSlashes) text = text.replace(/\//g, '\\/');
	if (escapeUnicode) {
		text = text.replace(/[\u0080-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
	}
	return text;
}

/** multipart/form-data text fields into $_POST, as PHP does (file parts are skipped: the Web API
 * takes attachments as URLs). Same bracket rules as parsePhpForm. */
function parsePhpMultipart(rawBody, contentType) {
	const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType || '');
	if (!m) return {};
	const boundary = `--${m[1] || m[2]}`;
	const form = new URLSearchParams();
	for (const part of String(rawBody).split(boundary).slice(1)) {
		if (part.startsWith('--')) break;
		const sep = part.indexOf('\r\n\r\n');
		if (sep < 0) continue;
		const head = part.slice(0, sep);
		const name = /name="([^"]*)"/i.exec(head);
		if (!name || /filename=/i.test(head)) continue;
		form.append(name[1], part.slice(sep + 4).replace(/\r\n$/, ''));
	}
	return parsePhpForm(form.toString());
}

/** A PHP associative array that is empty is printed by json_encode() as `[]`, not `{}`. */
function phpAssoc(obj) {
	return obj && typeof obj === 'object' && !Array.isArray(obj) && Object.keys(obj).length === 0 ? [] : obj;
}

module.exports = { parsePhpForm, parsePhpMultipart, phpJsonEncode, phpAssoc };
