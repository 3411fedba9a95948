// The preload: exposes exactly the contract's operations as `window.caseproof`, each a
// thin call over ipcRenderer.invoke on its own channel. No raw ipcRenderer, no Node.
import { contextBridge, ipcRenderer } from 'electron';
import { channelOf, OP_NAMES, type CaseproofApi } from '../contract/api';

const api = Object.fromEntries(OP_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(channelOf(name), input ?? {})])) as CaseproofApi;

contextBridge.exposeInMainWorld('caseproof', api);
