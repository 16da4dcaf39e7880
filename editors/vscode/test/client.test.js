// The thin client (extension.js) without a VS Code: `vscode` and
// `vscode-languageclient/node` are stand-ins that record what the client
// asks of them. Checks that it starts `<slac.path> lsp` over stdio (no
// `transport`, so no `--stdio` argument is added) for sla documents,
// restarts it when slac.path changes, and says what to do when the binary
// does not start instead of throwing.
"use strict";

const assert = require("node:assert/strict");
const Module = require("node:module");
const path = require("node:path");

const events = [];
let setting = undefined; // slac.path as the user set it (undefined: unset)
let failToStart = false;
const configurationListeners = [];
const commands = new Map();

const vscode = {
  workspace: {
    getConfiguration: (section) => ({
      get: (key) => (section === "slac" && key === "path" ? setting : undefined),
    }),
    onDidChangeConfiguration: (listener) => {
      configurationListeners.push(listener);
      return { dispose() {} };
    },
  },
  commands: {
    registerCommand: (name, handler) => {
      commands.set(name, handler);
      return { dispose() {} };
    },
  },
  window: {
    showErrorMessage: (message) => events.push(["error", message]),
  },
};

class LanguageClient {
  constructor(id, name, server, options) {
    this.server = server;
    events.push(["new", id, server, options.documentSelector]);
  }
  async start() {
    events.push(["start", this.server.command]);
    if (failToStart) throw new Error(`spawn ${this.server.command} ENOENT`);
  }
  async stop() {
    events.push(["stop", this.server.command]);
  }
}

const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === "vscode") return vscode;
  if (request === "vscode-languageclient/node") return { LanguageClient };
  return load.call(this, request, ...rest);
};
const extension = require(path.resolve(__dirname, "..", "extension.js"));

const changeOf = (key) => ({ affectsConfiguration: (k) => k === key });
const take = () => events.splice(0, events.length);

async function main() {
  const subscriptions = [];
  await extension.activate({ subscriptions });
  assert.equal(subscriptions.length, 2, "the command and the configuration listener are disposed with the extension");
  const selector = [
    { language: "sla", scheme: "file" },
    { language: "sla", scheme: "untitled" },
  ];
  assert.deepEqual(take(), [
    ["new", "slac", { command: "slac", args: ["lsp"] }, selector],
    ["start", "slac"],
  ]);

  // Another setting changes: nothing happens.
  await Promise.all(configurationListeners.map((l) => l(changeOf("editor.tabSize"))));
  assert.deepEqual(take(), []);

  // slac.path changes: the running server stops, the new one starts.
  setting = "/opt/slac/bin/slac";
  await Promise.all(configurationListeners.map((l) => l(changeOf("slac.path"))));
  assert.deepEqual(take(), [
    ["stop", "slac"],
    ["new", "slac", { command: "/opt/slac/bin/slac", args: ["lsp"] }, selector],
    ["start", "/opt/slac/bin/slac"],
  ]);

  // A binary that does not start: an error message that says what to set.
  setting = "/nowhere/slac";
  failToStart = true;
  await commands.get("slac.restartServer")();
  const [stop, created, started, error] = take();
  assert.deepEqual(stop, ["stop", "/opt/slac/bin/slac"]);
  assert.deepEqual(created[2], { command: "/nowhere/slac", args: ["lsp"] });
  assert.deepEqual(started, ["start", "/nowhere/slac"]);
  assert.equal(error[0], "error");
  assert.match(error[1], /\/nowhere\/slac lsp/);
  assert.match(error[1], /slac\.path/);

  // Nothing runs now: deactivating stops nothing.
  await extension.deactivate();
  assert.deepEqual(take(), []);

  // The manifest names the restart command the client registers.
  const manifest = require(path.resolve(__dirname, "..", "package.json"));
  assert.deepEqual(
    manifest.contributes.commands.map((c) => c.command),
    [...commands.keys()],
  );
  console.log("the client starts, restarts and reports as it should");
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
