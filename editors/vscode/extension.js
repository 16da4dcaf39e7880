// The thin client: for .sla files, VS Code starts `slac lsp` on stdio (the
// binary of the `slac.path` setting, `slac` on PATH by default) and the
// server does the rest: diagnostics, formatting, hover, navigation, rename,
// completion, the outline. Plain JavaScript, no build step.
"use strict";

const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function command() {
  return vscode.workspace.getConfiguration("slac").get("path") || "slac";
}

async function start() {
  const binary = command();
  // No `transport`: the client then speaks over the process's stdio
  // without adding a `--stdio` argument that `slac lsp` does not take.
  const server = { command: binary, args: ["lsp"] };
  const next = new LanguageClient("slac", "slac", server, {
    documentSelector: [
      { language: "sla", scheme: "file" },
      { language: "sla", scheme: "untitled" },
    ],
  });
  try {
    await next.start();
    client = next;
  } catch (error) {
    vscode.window.showErrorMessage(
      `slac: could not start \`${binary} lsp\`: ${error.message ?? error}. ` +
        "Install slac (cargo install --path .) or set `slac.path` to its binary.",
    );
  }
}

async function stop() {
  const running = client;
  client = undefined;
  if (running) await running.stop();
}

async function restart() {
  await stop();
  await start();
}

function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand("slac.restartServer", restart),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("slac.path")) return restart();
    }),
  );
  return start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
