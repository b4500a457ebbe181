// The registry of editions: adding an edition means adding its file and one line here.
import type { EditionDef } from '../format'
import { edition2019 } from './e2019'
import { edition2021 } from './e2021'

export const EDITIONS: readonly EditionDef[] = [edition2019, edition2021]
