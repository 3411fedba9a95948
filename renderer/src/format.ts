// Display helpers: UK dates, pounds.
export { ukDate, ukDateLong, pounds } from '../../electron/contract/dates';
