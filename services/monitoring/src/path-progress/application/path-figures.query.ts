import type { EntityManager } from 'typeorm';
import type { ExportRow } from '../../reporting/domain/csv';
import { endOfDay, publishMeasure, rowsOf, tableOf, type PublishedMeasure } from '../../reporting/application/published-figures';
import { PathFactEntity } from '../infrastructure/path-fact.entity';
import { PathMilestoneFactEntity } from '../infrastructure/path-milestone-fact.entity';
import { TeacherPathFactEntity } from '../infrastructure/teacher-path-fact.entity';

export interface PathFigures {
  /** The paths by code, with their titles (from PathVersionPublished; the code when none arrived). */
  readonly paths: { readonly code: string; readonly title: string }[];
  /** Per path: the teachers who started it, steps completed and paths completed, as they stood on the as-of date. */
  readonly teachersStarted: PublishedMeasure;
  readonly stepsCompleted: PublishedMeasure;
  readonly pathsCompleted: PublishedMeasure;
}

/** Teachers' paths as of a date: a step or path counts when its latest milestone before the date is a completion. */
export async function pathFigures(manager: EntityManager, asOf: string): Promise<{ figures: PathFigures; rows: ExportRow[] }> {
  const teacherPaths = tableOf(manager, TeacherPathFactEntity);
  const milestones = tableOf(manager, PathMilestoneFactEntity);
  const pathNames = tableOf(manager, PathFactEntity);
  const end = endOfDay('$1');
  const pathKey = `COALESCE(NULLIF(t.path_code, ''), t.path_id)`;
  type Row = { key: string; value: string; teachers: string };
  const cellsOf = (rows: Row[]) => rows.map((row) => ({ key: row.key, value: Number(row.value), teachers: Number(row.teachers) }));
  const totalOf = (rows: Row[]) => ({ value: rows.reduce((sum, row) => sum + Number(row.value), 0), teachers: 0 });

  const started: Row[] = await manager.query(
    `SELECT ${pathKey} AS key, count(DISTINCT t.teacher_id) AS value, count(DISTINCT t.teacher_id) AS teachers
     FROM ${teacherPaths} t WHERE t.started_at < ${end} GROUP BY 1`,
    [asOf],
  );
  // The state of each step (and, with step code '', each path) on the date: its latest milestone before the date.
  const latest = `(SELECT DISTINCT ON (teacher_path_id, step_code) teacher_path_id, step_code, completed FROM ${milestones}
     WHERE at < ${end} ORDER BY teacher_path_id, step_code, at DESC, completed ASC)`;
  const completed = (steps: boolean): Promise<Row[]> =>
    manager.query(
      `SELECT ${pathKey} AS key, count(*) AS value, count(DISTINCT t.teacher_id) AS teachers
       FROM ${latest} m JOIN ${teacherPaths} t ON t.teacher_path_id = m.teacher_path_id
       WHERE m.completed AND ${steps ? `m.step_code <> ''` : `m.step_code = ''`} GROUP BY 1`,
      [asOf],
    );
  const [steps, paths] = [await completed(true), await completed(false)];
  const distinctTeachers = async (where: string): Promise<number> => {
    const [{ teachers }]: { teachers: string }[] = await manager.query(
      `SELECT count(DISTINCT t.teacher_id) AS teachers FROM ${teacherPaths} t WHERE ${where}`,
      [asOf],
    );
    return Number(teachers);
  };
  const startedTotal = { value: await distinctTeachers(`t.started_at < ${end}`), teachers: 0 };
  const stepTeachers = await distinctTeachers(`t.teacher_path_id IN (SELECT teacher_path_id FROM ${latest} m WHERE m.completed AND m.step_code <> '')`);
  const pathTeachers = await distinctTeachers(`t.teacher_path_id IN (SELECT teacher_path_id FROM ${latest} m WHERE m.completed AND m.step_code = '')`);

  const teachersStarted = publishMeasure(cellsOf(started), { ...startedTotal, teachers: startedTotal.value });
  const stepsCompleted = publishMeasure(cellsOf(steps), { ...totalOf(steps), teachers: stepTeachers });
  const pathsCompleted = publishMeasure(cellsOf(paths), { ...totalOf(paths), teachers: pathTeachers });
  const names: { code: string; title: string }[] = await manager.query(`SELECT path_code AS code, title FROM ${pathNames}`);
  const titles = new Map(names.map((name) => [name.code, name.title]));
  const codes = [...new Set([...started, ...steps, ...paths].map((row) => row.key))].sort();
  return {
    figures: { paths: codes.map((code) => ({ code, title: titles.get(code) || code })), teachersStarted, stepsCompleted, pathsCompleted },
    rows: [...rowsOf('pad', 'leraren-gestart', teachersStarted), ...rowsOf('pad', 'stappen-afgerond', stepsCompleted), ...rowsOf('pad', 'paden-afgerond', pathsCompleted)],
  };
}
