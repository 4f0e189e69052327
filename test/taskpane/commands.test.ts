// The function file: each ribbon handler completes its event (evaluateCommand.test.ts covers what it does), and loading commands.ts registers
// every handler under its manifest name.
import { commandHandlers, evaluateActiveSheet, printActiveSheet } from "../../src/commands/handlers";

const globals = globalThis as { Office?: unknown };

afterEach(() => {
  delete globals.Office;
  jest.resetModules();
});

it("evaluateActiveSheet completes the event even when Excel is not there", async () => {
  const completed = jest.fn();
  const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
  await evaluateActiveSheet({ completed } as unknown as Office.AddinCommands.Event);
  expect(completed).toHaveBeenCalledTimes(1);
  log.mockRestore();
});

it("printActiveSheet completes the event even when Excel is not there", async () => {
  const completed = jest.fn();
  const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
  await printActiveSheet({ completed } as unknown as Office.AddinCommands.Event);
  expect(completed).toHaveBeenCalledTimes(1);
  log.mockRestore();
});

it("registers every handler with Office.actions.associate", () => {
  const associate = jest.fn();
  globals.Office = { onReady: jest.fn(), actions: { associate } };
  let registered: unknown;
  jest.isolateModules(() => {
    jest.requireActual("../../src/commands/commands");
    // Same module registry as commands.ts, so the functions are the very ones registered.
    registered = jest.requireActual<{ commandHandlers: typeof commandHandlers }>("../../src/commands/handlers").commandHandlers;
  });
  expect(Object.keys(commandHandlers).length).toBeGreaterThan(0);
  expect(Object.fromEntries(associate.mock.calls)).toEqual(registered);
});

it("does nothing when Office.js is absent", () => {
  expect(() =>
    jest.isolateModules(() => {
      jest.requireActual("../../src/commands/commands");
    }),
  ).not.toThrow();
});
