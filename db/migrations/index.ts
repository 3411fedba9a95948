// Every migration of the vault, in order: a vault's data version (PRAGMA user_version) is
// how many of these it has had. Append only; see README.md in this folder.
import type { Migration } from '../migrate';
import { initial } from './0000_initial';
import { evidenceContents } from './0001_evidence_contents';
import { recordDataVersion } from './0002_record_data_version';
import { rulesVersion2 } from './0003_rules_version_2';
import { changeCounts } from './0004_change_counts';
import { auditTrail } from './0005_audit';
import { backupsAndKeys } from './0006_backups';
import { dbsCopies } from './0007_dbs_copies';
import { caseJourney } from './0008_case_journey';
import { packSources } from './0009_pack_sources';
import { packAnnexes } from './0010_pack_annexes';
import { outsideCaseload } from './0011_outside_caseload';
import { recordContentIndex } from './0012_record_content_index';
import { auditBulk } from './0013_audit_bulk';
import { auditSubjectIndex } from './0014_audit_subject_index';
import { auditBulkEntry } from './0015_audit_bulk_entry';
import { auditValuesInEntries } from './0016_audit_values_in_entries';
import { auditSubjectsForEveryEntry } from './0017_audit_subjects_for_every_entry';

export const MIGRATIONS: readonly Migration[] = [
  initial,
  evidenceContents,
  recordDataVersion,
  rulesVersion2,
  changeCounts,
  auditTrail,
  backupsAndKeys,
  dbsCopies,
  caseJourney,
  packSources,
  packAnnexes,
  outsideCaseload,
  recordContentIndex,
  auditBulk,
  auditSubjectIndex,
  auditBulkEntry,
  auditValuesInEntries,
  auditSubjectsForEveryEntry,
];
