// Public surface of tool integrity (issue 6): server registry, tool pins, verification, RFC 8785.
export { ToolIntegrity, type ApprovalResult, type ListChangedResult, type ToolIntegrityOptions } from "./integrity.ts";
export {
  ServerRegistry,
  isValidServerId,
  assertServerId,
  parseServerInput,
  SERVER_ID,
  SERVER_STATES,
  SERVER_POLICIES,
  type ServerInput,
  type ServerRecord,
  type ServerState,
  type ServerPolicy,
  type PutResult,
} from "./registry.ts";
export { ToolPins, MAX_MANIFEST_UNITS, type Pin, type PinSet, type ApprovalOutcome, type ApprovedTool } from "./pins.ts";
export { evaluate, toolTexts, type VerifyResult, type VerifyOptions, type ToolVerification, type ToolStatus, type ToolFinding, type ToolFindingCategory } from "./verify.ts";
export { parseToolsList, isToolsListResult, jcsHash, sha256Hex, TOOLS_LIST_LIMITS, type ParsedTool, type ParsedToolsList } from "./tools-list.ts";
export { isToolsListChangedNotification } from "./notifications.ts";
export { diffFields, textDiff, type FieldDiff, type TextDiff, type ToolDiff } from "./diff.ts";
export { nameSkeleton, isDistinctiveName, findCrossReferences, NameIndex, type OtherServerNames, type CrossReference } from "./confusables.ts";
export { canonicalize, serializeNumber, serializeString, compareCodeUnits, JcsError } from "./jcs.ts";
export { CHUNK_UNITS, splitText, toProperties, fromProperties } from "./chunks.ts";
export { ToolsInputError, ServerRefusedError, ApprovalConflictError, PreconditionFailedError, ServerIdConflictError, type RefusalReason } from "./errors.ts";
