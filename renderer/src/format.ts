// Display helpers: UK dates, pounds.
export { ukDate, ukDateLong, ukDateTime, pounds, poundsAndPence } from '../../electron/contract/dates';
