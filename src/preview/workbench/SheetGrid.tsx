// The emulated sheet as a keyboard-driven grid, like Excel's: arrows and Tab move, typing starts an
// entry, Enter or F2 edits what the cell holds, Enter commits, Esc cancels, Delete clears.
// The selected cell always holds a real <input>, so IMEs (Vietnamese Telex/VNI) and pasted text
// start an entry the way they do in Excel; keydown alone would lose composed characters.
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { memo, useEffect, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { cellAddress, columnLetter, parseCell } from "../../layout/addresses";
import type { GridCell, GridModel } from "./gridModel";

export interface SheetGridProps {
  readonly label: string;
  readonly model: GridModel;
  readonly blank: GridCell;
  readonly selected: string;
  readonly onSelect: (address: string) => void;
  /** Called with what the user typed (null to clear). */
  readonly onCommit: (address: string, input: string | null) => void;
  /** The user tried to change a locked cell of a protected sheet. */
  readonly onRefused: (address: string) => void;
}

const useStyles = makeStyles({
  // Scroll padding keeps a focused cell clear of the sticky row and column headers.
  scroller: { overflow: "auto", flexGrow: 1, backgroundColor: tokens.colorNeutralBackground1, scrollPaddingTop: "28px", scrollPaddingLeft: "40px" },
  table: { borderCollapse: "collapse", tableLayout: "fixed", fontSize: "13px", fontFamily: "Calibri, 'Segoe UI', Arial, sans-serif" },
  head: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: "normal",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 4px",
  },
  rowHead: { position: "sticky", left: 0, zIndex: 1, textAlign: "center" },
  cell: {
    position: "relative",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 4px",
    height: "20px",
    overflow: "hidden",
    textOverflow: "ellipsis",
    verticalAlign: "middle",
    cursor: "cell",
  },
  input: { backgroundColor: "#fffde7" },
  selected: { boxShadow: `inset 0 0 0 2px ${tokens.colorBrandStroke1}` },
  // Over the cell's text: invisible until an entry starts, then an opaque editor.
  editor: {
    position: "absolute",
    inset: "2px",
    boxSizing: "border-box",
    border: "none",
    font: "inherit",
    padding: "0 2px",
    outlineStyle: "none",
    backgroundColor: "transparent",
    color: "transparent",
    caretColor: "transparent",
  },
  editing: { backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1, caretColor: "auto" },
});

const MOVES: Readonly<Record<string, [number, number]>> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** A key that would start or clear an entry in Excel: a character, F2, Delete or Backspace. */
function startsEntry(event: KeyboardEvent<HTMLInputElement>): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  return event.key.length === 1 || event.key === "F2" || event.key === "Delete" || event.key === "Backspace";
}

export function SheetGrid(props: SheetGridProps) {
  const styles = useStyles();
  const { model, selected } = props;
  const [draft, setDraft] = useState<string | null>(null);
  const editorRef = useRef<HTMLInputElement>(null);
  // Set when the user moved within the grid, so the new cell's editor takes the focus; a selection
  // made by the pane (selectCell) leaves the focus in the pane.
  const focusEditor = useRef(false);
  const cell = model.cells.get(selected) ?? props.blank;

  useEffect(() => {
    setDraft(null);
    if (focusEditor.current) editorRef.current?.focus();
    focusEditor.current = false;
  }, [selected]);

  const move = ([dr, dc]: [number, number]) => {
    focusEditor.current = true;
    const { row, column: col } = parseCell(selected);
    props.onSelect(cellAddress(Math.min(Math.max(row + dr, 0), model.rows - 1), Math.min(Math.max(col + dc, 0), model.columns - 1)));
  };

  const finishEntry = () => {
    if (draft !== null) props.onCommit(selected, draft === "" ? null : draft);
    setDraft(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    const editing = draft !== null;
    if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      const by: [number, number] = event.key === "Enter" ? [event.shiftKey ? -1 : 1, 0] : [0, event.shiftKey ? -1 : 1];
      finishEntry();
      move(by);
    } else if (event.key === "Escape") {
      event.preventDefault();
      setDraft(null);
    } else if (!editing && cell.protected && startsEntry(event)) {
      event.preventDefault();
      props.onRefused(selected);
    } else if (!editing && event.key in MOVES) {
      event.preventDefault();
      move(MOVES[event.key]);
    } else if (!editing && event.key === "F2" && cell.editable) {
      event.preventDefault();
      setDraft(cell.content);
    } else if (!editing && (event.key === "Delete" || event.key === "Backspace") && cell.editable) {
      event.preventDefault();
      props.onCommit(selected, null);
    }
  };

  // Row components are memoised, so a keystroke re-renders one row; they call the latest handlers.
  const latest: RowHandlers = {
    mouseDown: (address) => {
      finishEntry();
      focusEditor.current = true;
      props.onSelect(address);
    },
    doubleClick: (address) => {
      const here = model.cells.get(address) ?? props.blank;
      if (here.editable) setDraft(here.content);
      else if (here.protected) props.onRefused(address);
    },
    keyDown: onKeyDown,
    change: setDraft,
    blur: finishEntry,
  };
  const handlers = useRef(latest);
  handlers.current = latest;
  const { row: selectedRow, column: selectedCol } = parseCell(selected);

  return (
    <div className={styles.scroller}>
      <table role="grid" aria-label={props.label} className={styles.table}>
        <colgroup>
          <col style={{ width: 40 }} />
          {model.widths.map((width, col) => (
            <col key={col} style={{ width }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <td className={mergeClasses(styles.head, styles.rowHead)} />
            {model.widths.map((_, col) => (
              <th key={col} scope="col" className={styles.head}>
                {columnLetter(col)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: model.rows }, (_, row) => (
            <GridRow
              key={row}
              row={row}
              model={model}
              blank={props.blank}
              selectedCol={row === selectedRow ? selectedCol : null}
              draft={row === selectedRow ? draft : null}
              editorRef={editorRef}
              handlers={handlers}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface RowHandlers {
  mouseDown(address: string): void;
  doubleClick(address: string): void;
  keyDown(event: KeyboardEvent<HTMLInputElement>): void;
  change(value: string): void;
  blur(): void;
}

interface GridRowProps {
  readonly row: number;
  readonly model: GridModel;
  readonly blank: GridCell;
  /** Column of the selected cell when it is in this row. */
  readonly selectedCol: number | null;
  readonly draft: string | null;
  readonly editorRef: RefObject<HTMLInputElement | null>;
  readonly handlers: RefObject<RowHandlers>;
}

const GridRow = memo(function GridRow(props: GridRowProps) {
  const styles = useStyles();
  const { model, row, draft, handlers } = props;
  return (
    <tr>
      <th scope="row" className={mergeClasses(styles.head, styles.rowHead)}>
        {row + 1}
      </th>
      {model.widths.map((_, col) => {
        const address = cellAddress(row, col);
        if (model.covered.has(address)) return null;
        const here = model.cells.get(address) ?? props.blank;
        const isSelected = col === props.selectedCol;
        return (
          <td
            key={col}
            role="gridcell"
            data-address={address}
            aria-selected={isSelected}
            aria-readonly={!here.editable}
            title={here.content.startsWith("=") ? `${address}: ${here.content}` : address}
            {...model.spans.get(address)}
            className={mergeClasses(styles.cell, here.editable && styles.input, isSelected && styles.selected)}
            style={here.style}
            onMouseDown={(event) => {
              if (isSelected) return;
              event.preventDefault(); // the new cell's editor takes the focus once rendered
              handlers.current.mouseDown(address);
            }}
            onDoubleClick={() => handlers.current.doubleClick(address)}
          >
            {here.text}
            {isSelected && (
              <input
                ref={props.editorRef}
                aria-label={`Ô ${address}${here.text ? `: ${here.text}` : ""}`}
                readOnly={!here.editable}
                className={mergeClasses(styles.editor, draft !== null && styles.editing)}
                value={draft ?? ""}
                onChange={(event) => handlers.current.change(event.target.value)}
                onKeyDown={(event) => handlers.current.keyDown(event)}
                onBlur={() => handlers.current.blur()}
              />
            )}
          </td>
        );
      })}
    </tr>
  );
});
