/**
 * The contract between the shells (task pane, ribbon commands, preview, tests) and the workbook:
 * what they can ask of it and the reports they get back. Types only: the Office.js adapter
 * (src/excel/workbookService) implements it, the test fakes and the contract suite stand in for it.
 */
import type { ConsolidationResult, Evaluation, Level, PresetId, PreviousYear, Problem, ProgressRule, RuleSet, Status, UnitKind } from "../domain";
import type { DocumentHeader } from "../layout/schema";
import type { MilestoneCounts } from "../domain/tasks";
import type { Message } from "../domain/messages/localize";
import type { TaskEntry, TaskEntryProblem } from "../layout/tasks";
import type { SheetTotals } from "../layout/read";
import type { FollowUpCadence } from "../layout/unit";

/** Where the pane runs: inside Excel, or in the offline preview. */
export type HostKind = "excel" | "preview";

/** Optional Excel features, detected at run time (requirement sets). */
export interface FeatureSupport {
  /** ExcelApi 1.8: data validation. */
  readonly dataValidation: boolean;
  /** ExcelApi 1.6: conditional formats. */
  readonly conditionalFormats: boolean;
  /** ExcelApi 1.9: page layout (print setup) and screen-updating suspension. */
  readonly pageLayout: boolean;
  /** ExcelApi 1.7: worksheet change events. */
  readonly changeEvents: boolean;
  /**
   * ExcelApi 1.9: `Range.copyFrom(…, "Formulas")`, so a column of one formula shifted row by row is
   * sent once and filled in Excel. Without it every cell is sent: the same sheets, more round trips.
   */
  readonly copyFormulas: boolean;
  /** ExcelApi 1.13: inserting worksheets from another workbook (Tổng hợp can copy the unit sheets). Absent: no. */
  readonly insertWorksheets?: boolean;
}

export type { Problem } from "../layout/problems";

export interface WorkbookStatus {
  readonly hasUnitSheet: boolean;
  readonly hasCatalogue: boolean;
  readonly hasRules: boolean;
  /** Name of the sheet holding the unit table (the user may have renamed it). */
  readonly unitSheetName: string | null;
  readonly unitName: string;
  readonly unitKind: UnitKind | null;
  readonly head: string;
  readonly year: number | null;
  /** The caps (the unit's level, the head's civil-servant level) and the final level, as typed in the sheet. */
  readonly unitLevel: Level | null;
  readonly civilServantLevel: Level | null;
  readonly finalLevel: Level | null;
  readonly preset: PresetId | null;
  readonly rowCount: number;
  readonly features: FeatureSupport;
  /** The units of a shared workbook (one for a single-unit workbook), with the one worked on. */
  readonly units: readonly UnitEntry[];
  /** False when there are several units and the user is on none of their sheets: actions ask to choose. */
  readonly unitChosen: boolean;
}

export interface UnitEntry {
  readonly sheet: string;
  readonly unitName: string;
  readonly active: boolean;
}

export interface SetupOptions {
  readonly unitName: string;
  readonly unitKind?: UnitKind;
  readonly head: string;
  readonly year: number;
  readonly preset: PresetId;
  /** Use the workbook's own catalogue sheet when it has one, or the default catalogue. */
  readonly catalogue: "default" | "workbook";
  /** Add this unit beside those the workbook has (own sheets, shared catalogue and rules). */
  readonly addUnit?: boolean;
}

export interface SetupResult {
  /** What was created or upgraded, as messages the pane renders in its language. */
  readonly changes: readonly Message[];
  readonly problems: readonly Problem[];
}

export interface GroupProgress {
  readonly code: string;
  /** The catalogue's name for the group (verbatim), or "Nhóm 3" for a group it does not name. */
  readonly name: Message;
  readonly met: number;
  readonly evaluated: number;
  readonly total: number;
}

export interface EvaluationReport {
  readonly evaluation: Evaluation;
  /** Input problems with their cells; when any is an error nothing was written. */
  readonly problems: readonly Problem[];
  readonly groups: readonly GroupProgress[];
  readonly unitLevel: Level | null;
  readonly civilServantLevel: Level | null;
  readonly finalLevel: Level | null;
  /** Computed cells where a person typed over the formula (restored only on request). */
  readonly overwrittenFormulas: readonly string[];
  /** Whether formulas were written or restored by this run. */
  readonly wrote: boolean;
  /**
   * The sheet's own TongDiem and XepLoaiDeXuat as Excel computed them, read beside the engine's
   * result (a difference is also a problem); absent when there is no unit table.
   */
  readonly sheet?: SheetTotals;
}

/** A refused final level: `reason` in Vietnamese, `said` the same as data, for the pane's language. */
export type FinalLevelResult = { readonly ok: true } | { readonly ok: false; readonly reason: string; readonly said: Message };

export interface PrintOptions {
  /** The header typed in the pane; without it (the ribbon) the workbook's own header is used. */
  readonly header?: DocumentHeader;
}

export type { TaskEntry, TaskEntryField, TaskEntryMilestone, TaskEntryProblem, TaskEntryTarget } from "../layout/tasks";

/** The register's follow-up: the date milestones are judged as of, and the year evaluated. */
export interface TaskFollowUp {
  /** YYYY-MM-DD (named cell NgayTheoDoi). */
  readonly asOf: string;
  /** Named cell NamDotPha. */
  readonly year: number;
}

/** A milestone that needs attention as of the follow-up date, with its cell on the roadmap sheet. */
export interface MilestoneAttention {
  readonly what: string;
  /** YYYY-MM-DD */
  readonly due: string;
  readonly state: "overdue" | "dueSoon";
  readonly sheet: string;
  readonly cell: string;
}

/** One task of the register as evaluated for the follow-up year and date. */
export interface TaskProgress {
  readonly code: string;
  readonly leader: string;
  readonly position: string | null;
  readonly unit: string | null;
  readonly title: string;
  /** The level for the year; null when the task does not run that year (or was dropped with approval). */
  readonly level: Level | null;
  /** The highest level still reachable while provisional (the level itself when it is not). */
  readonly ceiling: Level | null;
  /** The level of the whole task, in its last year only. */
  readonly finalLevel: Level | null;
  readonly provisional: boolean;
  readonly milestones: MilestoneCounts;
  readonly reasons: readonly Message[];
  /** Overdue milestones first, then those due soon. */
  readonly attention: readonly MilestoneAttention[];
}

export interface TaskRegisterReport {
  /** False when the workbook has no register (the two tables). */
  readonly exists: boolean;
  /** The follow-up used: the one asked for, else the named cells'; null when they hold none. */
  readonly followUp: TaskFollowUp | null;
  /** Empty while there is no follow-up to judge by. */
  readonly tasks: readonly TaskProgress[];
  /** Reading problems, the registration check and the follow-up cells' problems, each naming its cell. */
  readonly problems: readonly Problem[];
}

export type RegisterTaskResult =
  | { readonly ok: true; readonly sheet: string; readonly cell: string }
  | { readonly ok: false; readonly problems: readonly TaskEntryProblem[] };

/** A unit workbook picked in the pane, read in the browser: never uploaded anywhere. */
export interface UnitFileInput {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** File.lastModified: milliseconds since 1970, shown as the time of the unit's figures. */
  readonly lastModified: number;
}

export interface ConsolidateFilesOptions {
  /** Unit kinds whose quota is the exceptional share (a body with exceptional results). */
  readonly exceptionalKinds: readonly UnitKind[];
  /** Also copy each consolidated unit's sheet into this workbook (needs features.insertWorksheets). */
  readonly insertUnitSheets?: boolean;
  /** Last year's unit workbooks (`--previous`): "So với năm trước" puts them beside this year's. */
  readonly previousFiles?: readonly UnitFileInput[];
  /** Called before each file is read and once at the end. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The consolidation as `chitieu consolidate --json` reports it, and what was written. */
export interface ConsolidationReport extends ConsolidationResult {
  /** Why nothing was written (a sheet of that name that is not an earlier consolidation from files); empty when written. */
  readonly problems: readonly Problem[];
  /** Whether "So sánh" and "Hạn mức" were written (false too when no file could be consolidated). */
  readonly wrote: boolean;
  /** Names of the unit sheets copied into the workbook. */
  readonly insertedSheets: readonly string[];
  /** Last year beside this year, as `chitieu consolidate --previous --json` reports it; absent without last year's files. */
  readonly previous?: PreviousYear;
}

/** The groups and units to lay out in a province workbook's assignment sheets (issue 16 §1). */
export interface AssignmentSheetsOptions {
  readonly year: number;
  /** One "Giao chỉ tiêu N" sheet per group, with the default catalogue and a column per unit. */
  readonly groups: readonly { readonly name: string; readonly units: readonly string[] }[];
}

/** One unit's workbook made from the province workbook, built in the browser, for the officer to save. */
export interface AssignedUnitFile {
  readonly unit: string;
  readonly group: string;
  /** The file name `chitieu assign` gives it, by which consolidation finds the unit again. */
  readonly file: string;
  /** How many indicators the unit carries. */
  readonly indicators: number;
  /** The .xlsx written by the same writer as the CLI's. */
  readonly bytes: Uint8Array;
}

/** What `assignUnits` found: the files (none while any cell is in error) and every problem with its cell. */
export interface AssignmentReport {
  readonly units: readonly AssignedUnitFile[];
  /** Errors stop the assignment; a units' sum that does not match the province's target is a warning. */
  readonly problems: readonly Problem[];
}

/**
 * Which snapshot of "Theo dõi" to record: the quarter it falls in (0–3) and the date it stands at. A
 * sheet kept by quarter holds it in that quarter's columns, one kept by month in its month's.
 */
export interface SnapshotOptions {
  readonly period: number;
  /** YYYY-MM-DD: a quarter's or a month's last day. */
  readonly asOf: string;
  /** Replace figures the period already holds (asked for explicitly; otherwise refused). */
  readonly replace?: boolean;
}

/** One indicator of a follow-up snapshot: what was due by the date against what was done. */
export interface FollowUpFigure {
  readonly code: string;
  readonly name: string;
  readonly unit: string;
  /** The year's target as typed in the unit table. */
  readonly target: unknown;
  readonly actual: unknown;
  /** Due by the date: pro rata or the whole target (the row's rule); null for a milestone. */
  readonly expected: number | string | null;
  readonly achievement: number | null;
  readonly status: Status;
  readonly behind: boolean;
  readonly rule: ProgressRule;
}

export interface FollowUpSnapshot {
  /** The column group of "Theo dõi" (0–3, one per quarter). */
  readonly period: number;
  readonly asOf: string;
  readonly figures: readonly FollowUpFigure[];
}

/** The unit's follow-up sheet read back and evaluated by the engine. */
export interface FollowUpReport {
  /**
   * The unit followed: the one the user is on, as every action chooses it; its follow-up sheet
   * ("Theo dõi", "Theo dõi n" for unit n of a shared workbook) and its name as its unit sheet says.
   * Null when there are several units and the user is on none of their sheets (the problems say so).
   */
  readonly unit: { readonly sheet: string; readonly unitName: string } | null;
  /** False when the unit has no follow-up sheet. */
  readonly exists: boolean;
  readonly year: number | null;
  /** Whether the sheet keeps a column group per quarter or per month ("quarter" when there is no sheet). */
  readonly cadence: FollowUpCadence;
  /** The periods with figures, in the sheet's order. */
  readonly snapshots: readonly FollowUpSnapshot[];
  readonly problems: readonly Problem[];
  /** Whether `recordSnapshot` wrote (false also when it was refused). */
  readonly wrote: boolean;
  /** `recordSnapshot` was refused only because the period holds other figures: `replace` would write. */
  readonly needsReplace: boolean;
}

export interface ChiTieuWorkbook {
  status(): Promise<WorkbookStatus>;
  setUp(options: SetupOptions): Promise<SetupResult>;
  /** Read the unit sheet and report every input problem, writing nothing. */
  check(): Promise<readonly Problem[]>;
  /** Evaluate; `restoreFormulas` puts back computed formulas a person typed over. */
  evaluate(options?: { restoreFormulas?: boolean }): Promise<EvaluationReport>;
  /**
   * Set the final level (null clears it), with the caps when given; refused with the reason when
   * the unit's level is missing or the final level is above a cap.
   */
  setFinalLevel(level: Level | null, unitLevel?: Level | null, civilServantLevel?: Level | null): Promise<FinalLevelResult>;
  selectCell(sheet: string, cell: string): Promise<void>;
  /**
   * Fill the header, build "Bản in" from the current table and select it; refused (nothing
   * written) with the problems while the unit sheet has data errors.
   */
  preparePrint(options: PrintOptions): Promise<readonly Problem[]>;
  /**
   * Build "So sánh" and "Hạn mức" with live formulas over the unit sheets of this workbook
   * (replacing earlier ones, keeping the exceptional marks); an explicit action, never automatic.
   */
  buildComparison(): Promise<SetupResult>;
  /**
   * Consolidate unit workbooks picked from disk, validated as `chitieu consolidate` does, into
   * values-only "So sánh" and "Hạn mức" sheets (replacing an earlier consolidation from files,
   * never a live comparison or another sheet of that name: then nothing is written).
   */
  consolidateFiles(files: readonly UnitFileInput[], options: ConsolidateFilesOptions): Promise<ConsolidationReport>;
  readRules(): Promise<{ readonly rules: RuleSet; readonly problems: readonly Problem[] }>;
  writeRules(rules: RuleSet): Promise<void>;
  /** Create the register of breakthrough tasks (two sheets, their named cells, the task rules when missing). */
  createTaskRegister(followUp: TaskFollowUp): Promise<SetupResult>;
  /** Read the register and evaluate each task for a year as of a date (by default the named cells'). */
  readTaskRegister(followUp?: TaskFollowUp): Promise<TaskRegisterReport>;
  /** Write the follow-up date and year into the named cells NgayTheoDoi and NamDotPha; problems when refused. */
  setTaskFollowUp(followUp: TaskFollowUp): Promise<readonly Problem[]>;
  /**
   * Register a new task: the registration check and the per-leader-per-year limit against the
   * register, then its row and roadmap rows in blank rows the formulas reach; nothing written when refused.
   */
  registerTask(entry: TaskEntry): Promise<RegisterTaskResult>;
  /**
   * In a workbook without assignment sheets: lay out one "Giao chỉ tiêu" sheet per group (the
   * default catalogue, a column per unit), the decision to print and, when absent, the rules.
   */
  createAssignmentSheets(options: AssignmentSheetsOptions): Promise<SetupResult>;
  /**
   * Check every assignment sheet (the same problems as `chitieu assign`, each naming its cell) and,
   * when none is an error, build every unit's workbook, its "Theo dõi" by quarter (default) or by
   * month; nothing is written to this workbook.
   */
  assignUnits(cadence?: FollowUpCadence): Promise<AssignmentReport>;
  /** Read "Theo dõi" of the unit the user is on ("Theo dõi n" for unit n) and evaluate every snapshot against the year's targets. */
  readFollowUp(): Promise<FollowUpReport>;
  /**
   * Record the unit table's actuals as they stand now as one snapshot of "Theo dõi" (values, so
   * later typing does not change it), with its date; refused when that period holds other figures
   * unless `replace`.
   */
  recordSnapshot(options: SnapshotOptions): Promise<FollowUpReport>;
  /** Add "Theo dõi" to a unit workbook set up without it, linked to the unit table's rows, a column group per quarter (default) or per month. */
  createFollowUp(cadence?: FollowUpCadence): Promise<SetupResult>;
  /** Call `listener` when inputs of the unit sheet change; returns a function that stops it. */
  onInputsChanged(listener: () => void): Promise<(() => Promise<void>) | null>;
}
