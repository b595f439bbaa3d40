/** A mistake in how the command was called: printed with the usage text, exit code 2. */
export class UsageError extends Error {}

export const USAGE = `用法 (usage):
  hegao user add NAME --password PW [--name 显示名] [--admin]   在 $HEGAO_DATA 中创建账号
  hegao backup OUT                                             备份 $HEGAO_DATA 中的数据库（服务器运行时也可），不覆盖已有文件
  hegao import FILE [--json]                                   解析 .txt/.docx 草稿，输出提纲和导入报告
  hegao check FILE [--json]                                    提交前检查；就绪时退出码 0，否则 1
  hegao export FILE --format docx|txt|md -o OUT                转换草稿文件`
