/** Labels and colours of an escort's status, in one map (EscortStatus on the backend). */
export const ESCORT_STATUS: Record<string, { label: string; color: string }> = {
  applicant: { label: '待审核', color: '#d97706' },
  active: { label: '在岗', color: '#12a182' },
  suspended: { label: '已停用', color: '#e5484d' },
}

export function escortStatusOf(status: string) {
  return ESCORT_STATUS[status] ?? { label: status, color: '#646a73' }
}
