// Display helpers: UK dates, pounds.
export { ukDate, ukDateLong, ukDateTime, pounds } from '../../electron/contract/dates';
