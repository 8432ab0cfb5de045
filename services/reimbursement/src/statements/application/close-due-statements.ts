import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { todayInAmsterdam } from '@napl/domain';
import { inTransaction } from '@napl/persistence';

/**
 * Open statements whose deadline has passed (a day in Europe/Amsterdam) become payable: from then on nothing on them
 * changes. A statement that another transaction holds (items being added or taken off) is skipped rather than waited
 * for, and turns on the next run: so an item is either on it or on the next statement, and no two runs deadlock.
 */
@Injectable()
export class CloseDueStatements {
  constructor(private readonly dataSource: DataSource) {}

  async execute(today: string = todayInAmsterdam()): Promise<{ statementIds: string[] }> {
    return inTransaction(this.dataSource, async (manager) => {
      const [rows]: [{ statement_id: string }[], number] = await manager.query(
        `UPDATE statement SET status = 'payable', payable_at = now()
          WHERE statement_id IN (SELECT statement_id FROM statement WHERE status = 'open' AND deadline < $1::date ORDER BY statement_id FOR UPDATE SKIP LOCKED)
          RETURNING statement_id`,
        [today],
      );
      return { statementIds: rows.map((row) => row.statement_id) };
    });
  }
}
