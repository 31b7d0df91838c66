// n8n never loads this file: it finds the nodes and credentials through the "n8n" section of
// package.json, which lists the compiled files in dist/. The package still needs a "main" entry
// for npm and for tools that require() a package, so this stays an empty module on purpose.
module.exports = {};
