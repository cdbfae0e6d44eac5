/**
 * A table on a wide screen, a list of cards on a phone. The same columns drive
 * both: on a narrow screen each row becomes a card of "title: value" lines, in
 * column order, so every action a row offers stays on screen and the page never
 * scrolls sideways (Chinese operators review on their phones). Selection,
 * expanded details and pagination carry over.
 */
import { Card, Checkbox, Grid, List, Table, Typography, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { Key, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function ResponsiveTable<T extends object>(props: TableProps<T>) {
  const screens = Grid.useBreakpoint();
  // Before the first measurement every breakpoint is undefined: wide is the safe guess on a desktop
  if (screens.md !== false) return <Table<T> {...props} />;
  return <CardList<T> {...props} />;
}

function CardList<T extends object>({ dataSource, columns, rowKey, loading, locale, pagination, rowSelection, expandable, footer }: TableProps<T>) {
  const { t } = useTranslation();
  const rows = [...(dataSource ?? [])];
  const keyOf = (row: T, i: number): Key => (typeof rowKey === 'function' ? rowKey(row, i) : rowKey ? (row[rowKey as keyof T] as Key) : i);
  const cols = (columns ?? []).filter((c): c is ColumnType<T> => !('children' in c));
  const selected = new Set(rowSelection?.selectedRowKeys ?? []);
  const toggle = (key: Key, on: boolean) => {
    const keys = on ? [...selected, key] : [...selected].filter((k) => k !== key);
    rowSelection?.onChange?.(keys, rows.filter((r, i) => keys.includes(keyOf(r, i))), { type: 'multiple' });
  };
  return (
    <List<T>
      loading={typeof loading === 'boolean' ? loading : undefined}
      dataSource={rows}
      footer={footer ? footer(rows) : undefined}
      locale={{ emptyText: locale?.emptyText as ReactNode }}
      pagination={pagination ? { current: pagination.current, pageSize: pagination.pageSize, total: pagination.total, onChange: pagination.onChange, showTotal: pagination.showTotal, hideOnSinglePage: pagination.hideOnSinglePage, size: 'small', align: 'center' } : false}
      renderItem={(row, i) => {
        const key = keyOf(row, i);
        return (
          <List.Item key={key} style={{ padding: '6px 0', borderBlockEnd: 'none' }}>
            <Card size="small" style={{ width: '100%', minWidth: 0 }} data-testid="row-card">
              {rowSelection && (
                <Checkbox checked={selected.has(key)} onChange={(e) => toggle(key, e.target.checked)} style={{ marginBottom: 6 }} aria-label={t('common:action.select')} />
              )}
              {cols.map((c, ci) => {
                const value = valueAt(row, c.dataIndex as unknown as Key | Key[] | undefined);
                const shown = c.render ? c.render(value, row, i) : (value as ReactNode);
                if (shown === null || shown === undefined || shown === '' || shown === false) return null;
                const title = typeof c.title === 'function' ? null : (c.title as ReactNode);
                return (
                  <div key={String(c.key ?? c.dataIndex ?? ci)} style={{ marginBottom: 4, overflowWrap: 'anywhere', minWidth: 0 }}>
                    {title ? <Typography.Text type="secondary">
                        {title}
                        {t('common:colon')}
                      </Typography.Text> : null}
                    {shown as ReactNode}
                  </div>
                );
              })}
              {expandable?.expandedRowRender && <div style={{ marginTop: 8 }}>{expandable.expandedRowRender(row, i, 0, true)}</div>}
            </Card>
          </List.Item>
        );
      }}
    />
  );
}

function valueAt(row: object, path: Key | Key[] | undefined): unknown {
  if (path === undefined || path === null) return undefined;
  const parts = Array.isArray(path) ? path : [path];
  let v: unknown = row;
  for (const p of parts) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[String(p)] : undefined;
  return v;
}
