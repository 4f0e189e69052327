import { main } from "../../src/cli/main";

// A command that fails in a way nobody foresaw (here: the stack overflows deep in the engine).
jest.mock("../../src/cli/evaluateCommand", () => ({
  runEvaluate: () => {
    throw new RangeError("Maximum call stack size exceeded");
  },
}));

test("an unexpected error: exit 2 and a Vietnamese message without a stack trace", async () => {
  const stderr = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
  const stdout = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
  try {
    await main(["evaluate", "doc.json"]);
    expect(process.exitCode).toBe(2);
    expect(stdout).not.toHaveBeenCalled();
    const written = stderr.mock.calls.map((call) => String(call[0])).join("");
    expect(written).toBe("chitieu: lỗi không lường trước (Maximum call stack size exceeded); hãy báo lỗi này kèm lệnh và tệp đã dùng.\n");
  } finally {
    process.exitCode = 0;
    jest.restoreAllMocks();
  }
});
