import { lazy, type ComponentType } from 'react'

// The print view belongs to the export work (client/print/); loaded lazily, and only if it is there.
const printModules = import.meta.glob<{ default: ComponentType<{ docId: string }> }>('./print/PrintView.tsx')
const loadPrintView = printModules['./print/PrintView.tsx']

export const PrintView = loadPrintView ? lazy(loadPrintView) : null
