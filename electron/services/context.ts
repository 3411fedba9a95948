// What every service call needs: the open vault, who is acting, and what day it is.
import type { Vault } from '../../db/client';
import type { IsoDate } from '../contract/dates';

export interface Ctx {
  vault: Vault;
  user: string;
  today(): IsoDate;
}
