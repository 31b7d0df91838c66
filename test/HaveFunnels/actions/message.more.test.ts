/** Message text-formatting operations of issue 15 against the stand-in. */
import { itSendsAndReturns, useStandIn } from '../helpers';

const ctx = useStandIn();

itSendsAndReturns(ctx, 'message', [
	{
		title: 'convert formatting to HTML',
		operation: 'formatToHtml',
		params: { message: 'Hello *world* and _you_, see `code`' },
		fn: 'text-formatting-to-html',
		form: [['function', 'text-formatting-to-html'], ['message', 'Hello *world* and _you_, see `code`']],
		check: (json) => expect(json).toEqual([{ html: 'Hello <b>world</b> and <i>you</i>, see <code>code</code>' }]),
	},
	{
		title: 'clear formatting',
		operation: 'clearFormatting',
		params: { message: 'Hello *world* and _you_' },
		fn: 'clear-text-formatting',
		form: [['function', 'clear-text-formatting'], ['message', 'Hello *world* and _you_']],
		check: (json) => expect(json).toEqual([{ message: 'Hello world and you' }]),
	},
]);
