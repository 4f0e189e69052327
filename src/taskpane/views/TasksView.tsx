// Đột phá: the register of breakthrough and innovation tasks. The follow-up date and year (the
// register's named cells), a leader's tasks with their level and progress, a jump to each overdue
// or due-soon milestone, and a form that registers a new task once the workbook's check passes.
import { Badge, Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Select, Spinner, Text, Textarea, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from "react";
import type { TaskEntry, TaskEntryField, TaskFollowUp, TaskProgress } from "../../contract/workbook";
import { TASK_LEVEL_NAMES } from "../../domain/messages/tasks";
import { useRender, useStrings, useTranslate } from "../../i18n/LanguageProvider";
import type { Message } from "../../domain/messages/localize";
import { fill } from "../../i18n/fill";
import type { StringKey } from "../../i18n/strings";
import { usePaneState } from "../PaneState";
import { useWorkbook } from "../WorkbookContext";
import { ProblemList } from "./ProblemList";
import { SaveErrors } from "./SaveErrors";
import { Section, useFormStyles } from "./Section";
import { ServiceError } from "./ServiceError";
import {
  addTargetRow,
  DIRECTIONS,
  emptyTaskForm,
  entryFromForm,
  FIELD_LABEL,
  followUpForm,
  followUpFromForm,
  defaultFollowUp,
  leadersOf,
  problemsByField,
  progressOf,
  shownLeader,
  TASK_KINDS,
  tasksOfLeader,
  type FollowUpForm,
  type FormField,
  type MilestoneRow,
  type TargetRow,
  type TaskForm,
} from "./tasksForm";
import { useServiceCall } from "./useServiceCall";

const useStyles = makeStyles({
  list: { listStyleType: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  task: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  badges: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXS },
  alert: { color: tokens.colorPaletteRedForeground1 },
  milestone: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  group: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalS,
    margin: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
});

export function TasksView() {
  const s = useStrings();
  const workbook = useWorkbook();
  const pane = usePaneState();
  // The workbook's year (its unit sheet's), so a 2025 workbook is not followed up for the year it is opened in.
  const paneStatus = pane.status;
  const refreshStatus = pane.refreshStatus;
  const workbookFollowUp = useCallback(async () => {
    const status = paneStatus ?? (await refreshStatus().catch(() => null));
    return defaultFollowUp(status?.year ?? null, new Date());
  }, [paneStatus, refreshStatus]);
  const read = useServiceCall(async (followUp?: TaskFollowUp) => {
    const report = await workbook.readTaskRegister(followUp);
    return { report, fallback: report.exists && report.followUp === null ? await workbookFollowUp() : null };
  });
  const create = useServiceCall(async () => workbook.createTaskRegister(await workbookFollowUp()));
  const [follow, setFollow] = useState<FollowUpForm>(followUpForm(null));
  const [chosen, setChosen] = useState("");

  const load = read.run;
  const refresh = useCallback(
    () => load().then((done) => done && setFollow(followUpForm(done.report.followUp ?? done.fallback))),
    [load],
  );
  useEffect(() => {
    void refresh();
  }, [workbook, refresh]);

  const report = read.result?.report;
  const onCreate = () =>
    void create.run().then((done) => {
      if (done && done.problems.length === 0) return refresh();
    });

  return (
    <>
      <Text>{s.tasksIntro}</Text>
      {read.busy && <Spinner size="tiny" label={s.tasksReading} />}
      <ServiceError error={read.error} title={s.tasksReadFailed} />
      {report && !report.exists && (
        <Section title={s.tasksRegisterTitle}>
          <Text>{s.tasksNoRegister}</Text>
          <div>
            <Button appearance="primary" onClick={onCreate} disabled={create.busy}>
              {s.tasksCreateButton}
            </Button>
            {create.busy && <Spinner size="tiny" label={s.tasksCreating} />}
          </div>
          <ServiceError error={create.error} title={s.tasksCreateFailed} />
          {create.result && create.result.problems.length > 0 && <ProblemList problems={create.result.problems} label={s.problemsLabel} />}
        </Section>
      )}
      {report && report.exists && (
        <>
          <FollowUpSection form={follow} onChange={setFollow} onSaved={refresh} />
          {report.problems.length > 0 && (
            <Section title={s.tasksProblemsTitle}>
              <ProblemList problems={report.problems} label={s.problemsLabel} />
            </Section>
          )}
          <LeaderSection tasks={report.tasks} year={report.followUp?.year ?? null} leader={shownLeader(leadersOf(report.tasks), chosen)} onChoose={setChosen} />
          <RegisterSection
            tasks={report.tasks}
            year={report.followUp?.year ?? null}
            leader={shownLeader(leadersOf(report.tasks), chosen)}
            onRegistered={refresh}
          />
        </>
      )}
    </>
  );
}

function FollowUpSection(props: { form: FollowUpForm; onChange: (form: FollowUpForm) => void; onSaved: () => Promise<unknown> }) {
  const s = useStrings();
  const styles = useFormStyles();
  const workbook = useWorkbook();
  const save = useServiceCall((followUp: TaskFollowUp) => workbook.setTaskFollowUp(followUp));
  const [invalid, setInvalid] = useState<ReadonlySet<keyof FollowUpForm>>(new Set());
  const { form, onChange, onSaved } = props;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const followUp = followUpFromForm(form);
    setInvalid(followUp.ok ? new Set() : followUp.invalid);
    if (!followUp.ok) return;
    void save.run(followUp.followUp).then((problems) => {
      if (problems && problems.length === 0) return onSaved();
    });
  };

  return (
    <Section title={s.tasksFollowUpTitle}>
      <form className={styles.form} onSubmit={onSubmit} noValidate>
        <Field
          label={s.tasksAsOfLabel}
          hint={s.tasksAsOfHint}
          validationState={invalid.has("asOf") ? "error" : "none"}
          validationMessage={invalid.has("asOf") ? s.tasksAsOfInvalid : undefined}
        >
          <Input type="date" value={form.asOf} onChange={(_e, d) => onChange({ ...form, asOf: d.value })} />
        </Field>
        <Field
          label={s.tasksYearLabel}
          validationState={invalid.has("year") ? "error" : "none"}
          validationMessage={invalid.has("year") ? s.tasksYearInvalid : undefined}
        >
          <Input inputMode="numeric" value={form.year} onChange={(_e, d) => onChange({ ...form, year: d.value })} />
        </Field>
        <div className={styles.actions}>
          <Button type="submit" disabled={save.busy}>
            {s.tasksApplyButton}
          </Button>
          {save.busy && <Spinner size="tiny" label={s.tasksApplying} />}
        </div>
        <ServiceError error={save.error} title={s.tasksApplyFailed} />
        {save.result && save.result.length > 0 && <ProblemList problems={save.result} label={s.problemsLabel} />}
      </form>
    </Section>
  );
}

function LeaderSection(props: { tasks: readonly TaskProgress[]; year: number | null; leader: string; onChoose: (leader: string) => void }) {
  const s = useStrings();
  const styles = useStyles();
  const leaders = leadersOf(props.tasks);
  const { leader } = props;

  if (leaders.length === 0) {
    return (
      <Section title={s.tasksLeadersTitle}>
        <Text>{s.tasksNoTasks}</Text>
      </Section>
    );
  }
  return (
    <Section title={s.tasksLeadersTitle}>
      <Field label={s.tasksLeaderLabel}>
        <Select value={leader} onChange={(_e, d) => props.onChoose(d.value)}>
          {leaders.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
      <ul className={styles.list} aria-label={fill(s.tasksListLabel, { leader })}>
        {tasksOfLeader(props.tasks, leader).map((task) => (
          <TaskItem key={task.code} task={task} year={props.year} />
        ))}
      </ul>
    </Section>
  );
}

function TaskItem(props: { task: TaskProgress; year: number | null }) {
  const s = useStrings();
  const tr = useTranslate();
  const styles = useStyles();
  const formStyles = useFormStyles();
  const workbook = useWorkbook();
  const select = useServiceCall((sheet: string, cell: string) => workbook.selectCell(sheet, cell));
  const { task } = props;
  const progress = progressOf(task);
  return (
    <li className={styles.task}>
      <Text weight="semibold">
        {task.code} · {task.title}
      </Text>
      <div className={styles.badges}>
        {task.level === null ? (
          <Badge appearance="outline" color="informative" className={formStyles.badge}>
            {fill(s.tasksNoLevel, { year: props.year ?? "" })}
          </Badge>
        ) : (
          <Badge appearance="tint" color={task.level === "incomplete" ? "danger" : task.level === "excellent" ? "success" : "brand"}>
            {tr(TASK_LEVEL_NAMES[task.level])}
          </Badge>
        )}
        {task.provisional && (
          <Badge appearance="tint" color="warning" className={formStyles.badge}>
            {s.tasksProvisional}
          </Badge>
        )}
        {task.finalLevel !== null && <Badge appearance="outline">{fill(s.tasksFinalLevel, { level: tr(TASK_LEVEL_NAMES[task.finalLevel]) })}</Badge>}
      </div>
      <Text>
        {fill(s.tasksProgress, { done: progress.done, total: progress.total })}
        {progress.overdue > 0 && <> · {fill(s.tasksOverdue, { count: progress.overdue })}</>}
        {progress.dueSoon > 0 && <> · {fill(s.tasksDueSoon, { count: progress.dueSoon })}</>}
      </Text>
      {task.attention.map((a) => {
        const state = a.state === "overdue" ? s.tasksStateOverdue : s.tasksStateDueSoon;
        return (
          <div key={`${a.sheet}!${a.cell}`} className={styles.milestone}>
            <Badge appearance="tint" color={a.state === "overdue" ? "danger" : "warning"} className={formStyles.badge}>
              {state}
            </Badge>
            <Text>
              {a.what} ({a.due})
            </Text>
            <Button size="small" aria-label={fill(s.tasksOpenLabel, { what: a.what, due: a.due, state })} onClick={() => void select.run(a.sheet, a.cell)}>
              {s.tasksOpen}
            </Button>
          </div>
        );
      })}
      <ServiceError error={select.error} title={s.selectCellFailed} />
    </li>
  );
}

function RegisterSection(props: { tasks: readonly TaskProgress[]; year: number | null; leader: string; onRegistered: () => Promise<unknown> }) {
  const s = useStrings();
  const say = useRender();
  const styles = useStyles();
  const formStyles = useFormStyles();
  const workbook = useWorkbook();
  const register = useServiceCall((entry: TaskEntry) => workbook.registerTask(entry));
  const [edited, setForm] = useState<TaskForm | null>(null);
  const [invalid, setInvalid] = useState<ReadonlyMap<FormField, StringKey>>(new Map());
  const [registered, setRegistered] = useState("");
  // Until edited, the form follows the leader chosen in the list.
  const form = edited ?? emptyTaskForm(props.tasks, props.leader, props.year);
  const refused = register.result && !register.result.ok ? problemsByField(register.result.problems) : new Map<TaskEntryField, Message[]>();

  const fieldMessages = (field: TaskEntryField): string[] => [
    ...(field !== "register" && invalid.has(field) ? [s[invalid.get(field) as StringKey]] : []),
    ...(refused.get(field) ?? []).map(say),
  ];
  const messages = (field: FormField): string | undefined => fieldMessages(field).join(" ") || undefined;
  // All of them beside the button: what the form cannot read, then the workbook's refusal, by field in the form's order.
  const formErrors = (Object.keys(FIELD_LABEL) as TaskEntryField[]).flatMap((name) => {
    const all = fieldMessages(name);
    return all.length > 0 ? [{ field: s[FIELD_LABEL[name]], messages: all }] : [];
  });
  const field = (name: FormField, label: StringKey, control: ReactNode, required = false) => (
    <Field label={s[label]} required={required} validationState={messages(name) ? "error" : "none"} validationMessage={messages(name)}>
      {control}
    </Field>
  );
  const text = (key: keyof TaskForm & ("code" | "leader" | "position" | "unit" | "title" | "firstYear" | "lastYear" | "focalBody" | "focalPerson" | "approvalBody" | "approvalNumber")) => (
    <Input value={form[key]} inputMode={key === "firstYear" || key === "lastYear" ? "numeric" : undefined} onChange={(_e, d) => setForm({ ...form, [key]: d.value })} />
  );
  const setTarget = (i: number, change: Partial<TargetRow>) => setForm({ ...form, targets: form.targets.map((t, j) => (j === i ? { ...t, ...change } : t)) });
  const setMilestone = (i: number, change: Partial<MilestoneRow>) =>
    setForm({ ...form, milestones: form.milestones.map((m, j) => (j === i ? { ...m, ...change } : m)) });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const entry = entryFromForm(form);
    setInvalid(entry.ok ? new Map() : entry.invalid);
    if (!entry.ok) return;
    void register.run(entry.entry).then((result) => {
      if (!result?.ok) return;
      setRegistered(entry.entry.code.trim());
      setForm(null);
      return props.onRegistered();
    });
  };

  return (
    <Section title={s.tasksRegisterTitle}>
      <Text>{s.tasksRegisterIntro}</Text>
      <form className={formStyles.form} onSubmit={onSubmit} noValidate>
        {field("code", "taskCodeLabel", text("code"), true)}
        {field("leader", "tasksLeaderLabel", text("leader"), true)}
        <Field label={s.taskPositionLabel}>{text("position")}</Field>
        <Field label={s.taskUnitLabel}>{text("unit")}</Field>
        {field("title", "taskTitleLabel", text("title"), true)}
        <Field label={s.taskKindLabel}>
          <Select value={form.kind} onChange={(_e, d) => setForm({ ...form, kind: TASK_KINDS.find((k) => k.kind === d.value)?.kind ?? form.kind })}>
            {TASK_KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {s[k.label]}
              </option>
            ))}
          </Select>
        </Field>
        {field("firstYear", "taskFirstYearLabel", text("firstYear"), true)}
        {field("lastYear", "taskLastYearLabel", text("lastYear"), true)}
        {field("goal", "taskGoalLabel", <Textarea value={form.goal} onChange={(_e, d) => setForm({ ...form, goal: d.value })} />, true)}
        <Field label={s.taskFocalBodyLabel}>{text("focalBody")}</Field>
        <Field label={s.taskFocalPersonLabel}>{text("focalPerson")}</Field>
        <Field label={s.taskSolutionsLabel}>
          <Textarea value={form.solutions} onChange={(_e, d) => setForm({ ...form, solutions: d.value })} />
        </Field>
        <Field label={s.taskApprovalBodyLabel}>{text("approvalBody")}</Field>
        <Field label={s.taskApprovalNumberLabel}>{text("approvalNumber")}</Field>
        {field("approvalDate", "taskApprovalDateLabel", <Input type="date" value={form.approvalDate} onChange={(_e, d) => setForm({ ...form, approvalDate: d.value })} />)}
        <Text as="h3" weight="semibold">
          {s.taskTargetsTitle}
        </Text>
        {form.targets.map((t, i) => (
          <fieldset key={i} className={styles.group}>
            <legend>{fill(s.taskTargetLegend, { n: i + 1 })}</legend>
            <Field label={s.taskTargetYearLabel}>
              <Input inputMode="numeric" value={t.year} onChange={(_e, d) => setTarget(i, { year: d.value })} />
            </Field>
            <Field label={s.taskTargetNameLabel}>
              <Input value={t.name} onChange={(_e, d) => setTarget(i, { name: d.value })} />
            </Field>
            <Field label={s.taskTargetUnitLabel}>
              <Input value={t.unit} onChange={(_e, d) => setTarget(i, { unit: d.value })} />
            </Field>
            <Field label={s.taskTargetDirectionLabel}>
              <Select value={t.direction} onChange={(_e, d) => setTarget(i, { direction: DIRECTIONS.find((x) => x.direction === d.value)?.direction ?? t.direction })}>
                {DIRECTIONS.map((x) => (
                  <option key={x.direction} value={x.direction}>
                    {s[x.label]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={s.taskTargetValueLabel}>
              <Input inputMode="decimal" value={t.target} disabled={t.direction === "milestone"} onChange={(_e, d) => setTarget(i, { target: d.value })} />
            </Field>
            <div>
              <Button size="small" onClick={() => setForm({ ...form, targets: form.targets.filter((_t, j) => j !== i) })}>
                {fill(s.taskRemoveTarget, { n: i + 1 })}
              </Button>
            </div>
          </fieldset>
        ))}
        {messages("targets") && <ValidationText text={messages("targets") as string} />}
        <div>
          <Button onClick={() => setForm(addTargetRow(form))}>{s.taskAddTarget}</Button>
        </div>
        <Text as="h3" weight="semibold">
          {s.taskMilestonesTitle}
        </Text>
        {form.milestones.map((m, i) => (
          <fieldset key={i} className={styles.group}>
            <legend>{fill(s.taskMilestoneLegend, { n: i + 1 })}</legend>
            <Field label={s.taskMilestoneWhatLabel}>
              <Input value={m.what} onChange={(_e, d) => setMilestone(i, { what: d.value })} />
            </Field>
            <Field label={s.taskMilestoneDueLabel}>
              <Input type="date" value={m.due} onChange={(_e, d) => setMilestone(i, { due: d.value })} />
            </Field>
            <div>
              <Button size="small" onClick={() => setForm({ ...form, milestones: form.milestones.filter((_m, j) => j !== i) })}>
                {fill(s.taskRemoveMilestone, { n: i + 1 })}
              </Button>
            </div>
          </fieldset>
        ))}
        {messages("milestones") && <ValidationText text={messages("milestones") as string} />}
        <div>
          <Button onClick={() => setForm({ ...form, milestones: [...form.milestones, { what: "", due: "" }] })}>{s.taskAddMilestone}</Button>
        </div>
        <div className={formStyles.actions}>
          <Button type="submit" appearance="primary" disabled={register.busy}>
            {s.taskRegisterButton}
          </Button>
          {register.busy && <Spinner size="tiny" label={s.taskRegistering} />}
        </div>
        <ServiceError error={register.error} title={s.taskRegisterFailed} />
        <SaveErrors title={s.taskRefused} errors={formErrors} />
        {register.result && register.result.ok && !register.busy && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{fill(s.taskRegistered, { code: registered, cell: `${register.result.sheet}!${register.result.cell}` })}</MessageBarBody>
          </MessageBar>
        )}
      </form>
    </Section>
  );
}

function ValidationText(props: { text: string }) {
  const styles = useStyles();
  return (
    <Text role="alert" className={styles.alert}>
      {props.text}
    </Text>
  );
}
