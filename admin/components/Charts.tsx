import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { usePalette } from '../theme';

export interface Series<Row> {
  key: keyof Row & string;
  name: string;
}

/** A line per series over days (recharts), coloured for the current light or dark scheme. */
export function DailyLines<Row extends { day: string }>({
  data,
  series,
  label,
}: {
  data: Row[];
  series: Series<Row>[];
  label: string;
}) {
  const palette = usePalette();
  return (
    <div className="chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={palette.grid} strokeDasharray="3 3" />
          <XAxis
            dataKey="day"
            stroke={palette.axis}
            tick={{ fill: palette.axis, fontSize: 11 }}
            tickFormatter={(day: string) => day.slice(5)}
          />
          <YAxis stroke={palette.axis} tick={{ fill: palette.axis, fontSize: 11 }} width={48} />
          <Tooltip contentStyle={{ background: palette.tooltip, borderColor: palette.grid }} />
          <Legend />
          {series.map((entry, index) => (
            <Line
              key={entry.key}
              type="monotone"
              dataKey={entry.key}
              name={entry.name}
              stroke={palette.series[index % palette.series.length]}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
              connectNulls
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Bars per category (assistants, spaces, groups). */
export function CategoryBars<Row extends object>({
  data,
  category,
  series,
  label,
}: {
  data: Row[];
  category: keyof Row & string;
  series: Series<Row>[];
  label: string;
}) {
  const palette = usePalette();
  return (
    <div className="chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={palette.grid} strokeDasharray="3 3" />
          <XAxis dataKey={category as string} stroke={palette.axis} tick={{ fill: palette.axis, fontSize: 11 }} />
          <YAxis stroke={palette.axis} tick={{ fill: palette.axis, fontSize: 11 }} width={56} />
          <Tooltip
            contentStyle={{ background: palette.tooltip, borderColor: palette.grid }}
            cursor={{ fill: palette.grid }}
          />
          <Legend />
          {series.map((entry, index) => (
            <Bar
              key={entry.key}
              dataKey={entry.key as string}
              name={entry.name}
              fill={palette.series[index % palette.series.length]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
