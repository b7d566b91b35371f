import { RpcError, type ErrorCode } from '../../rpc/errors';

/**
 * What is wrong with an import, as a stable key: the renderer words it in the steward's language
 * (import.json, `problem.<code>`); the English `message` stays for logs and the CLI.
 */
export type ImportProblemCode =
  // a cell did not hold what its column needs
  | 'code_required'
  | 'duplicate_code'
  | 'item_status'
  | 'item_date'
  | 'item_valid_to_before_from'
  | 'parent_self'
  | 'parent_unknown'
  | 'level_inconsistent'
  | 'level_required'
  | 'relation'
  | 'mapping_status'
  | 'justification'
  | 'share_range'
  | 'confidence_range'
  | 'flag'
  | 'review_date'
  | 'mapping_cardinality'
  | 'source_not_in_scheme'
  | 'target_not_in_scheme'
  | 'reviewer_unknown'
  // a row or the file as a whole
  | 'parent_cycle'
  | 'approved_without_both'
  | 'approved_needs_reviewers'
  | 'unknown_column'
  | 'no_rows'
  // reading the file
  | 'not_utf8'
  | 'xls_refused'
  | 'xlsx_unreadable'
  | 'no_sheet'
  | 'unclosed_quote'
  | 'sssom_metadata'
  | 'unreadable'
  // where the rows were to go
  | 'scheme_exists'
  | 'crosswalk_exists'
  | 'no_crosswalk'
  | 'no_scheme'
  | 'not_staged';

export type ProblemParams = Record<string, string | number>;

/** One problem as it crosses the boundary in `RpcError.details.problems`. */
export interface ImportProblemDetail {
  code: ImportProblemCode;
  /** The whole problem in English, as the CLI and logs show it. */
  message: string;
  file?: string;
  row?: number;
  column?: string;
  /** The cell's text ('' for an empty cell). */
  value?: string;
  /** What the column needs, in English. */
  expected?: string;
  params?: ProblemParams;
}

/** An error raised while reading a file, before the file name is known to the code that reads it. */
export class ImportReadError extends Error {
  constructor(
    readonly code: ImportProblemCode,
    message: string,
    readonly params: ProblemParams = {},
  ) {
    super(message);
    this.name = 'ImportReadError';
  }
}

/** An RpcError whose details carry the one problem, so the renderer can show it in its own words. */
export function problemError(
  rpcCode: ErrorCode,
  message: string,
  problem: Omit<ImportProblemDetail, 'message'>,
): RpcError {
  return new RpcError(rpcCode, message, { problems: [{ ...problem, message }], total: 1 });
}
