import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { BarChart } from '@/components/desk/charts/bar-chart';
import { SmallMultiples } from '@/components/desk/charts/small-multiples';
import { StackedColumns } from '@/components/desk/charts/stacked-columns';
import { PresenceBeacon } from '@/components/desk/live/presence-beacon';
import { DecisionQueue } from '@/components/desk/overview/decision-queue';
import { OverviewFilters } from '@/components/desk/overview/overview-filters';
import { RiverNow } from '@/components/desk/overview/river-now';
import { VisitStamp } from '@/components/desk/overview/visit-stamp';
import { listTopicOptions } from '@/lib/data/desk/list-topic-options';
import { MIN_SCORED_FOR_AVERAGE } from '@/lib/data/overview/list-top-sources';
import { getOverview } from '@/lib/operations';
import { QUALITY_MAX } from '@/lib/schemas/desk';

export const metadata: Metadata = { title: 'Overview' };

type SearchParams = Record<string, string | string[] | undefined>;

/** The desk's home: what needs a decision, what readers see now, and the newsroom's numbers for the chosen range and topic. */
export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  let result = await getOverview(raw);
  const refusedFilters = !result.ok && result.status === 400 ? result.error : null;
  if (refusedFilters) result = await getOverview({});
  if (!result.ok) {
    if (result.status === 401) redirect('/signin?callbackUrl=/desk');
    // An importer's desk is the Import page.
    if (result.status === 403) redirect('/desk/import');
    return <p role="alert">{result.error}</p>;
  }
  const { filter, since, queue, river, charts } = result.data;
  const range = `${filter.from} to ${filter.to}${filter.topic ? `, topic ${filter.topic}` : ''}`;
  const perDayTotal = charts.perDay.reduce((sum, day) => sum + day.published + day.unpublished, 0);
  const perDayPublished = charts.perDay.reduce((sum, day) => sum + day.published, 0);
  const busiest = charts.perDay.reduce(
    (best, day) => (day.published + day.unpublished > best.published + best.unpublished ? day : best),
    charts.perDay[0]!,
  );
  const scored = charts.quality.filter((bucket) => bucket.from !== null);
  const modal = scored.reduce((best, bucket) => (bucket.articles > best.articles ? bucket : best), scored[0]!);

  return (
    <>
      <h1>Overview</h1>
      <VisitStamp />
      <PresenceBeacon articleId={0} />
      {refusedFilters ? (
        <p role="alert" className="form-error">
          Some filters were not understood and were ignored: {refusedFilters}
        </p>
      ) : null}
      {filter.unknownTopic ? (
        <p role="alert" className="form-error">
          There is no topic “{filter.topic}”: the panels below are empty.
        </p>
      ) : null}
      <OverviewFilters from={filter.from} to={filter.to} topic={filter.topic} topics={await listTopicOptions()} />
      <p className="hint">Range and topic apply to the charts; the topic also to the queue and the river (which always show now).</p>

      <DecisionQueue key={since} rows={queue.rows} total={queue.total} totalIsCapped={queue.totalIsCapped} since={since} />
      <RiverNow river={river} />

      <section aria-labelledby="numbers-title" className="overview-panel">
        <h2 id="numbers-title">Numbers, {range}</h2>
        <div className="chart-grid-layout">
          <StackedColumns
            id="chart-per-day"
            title="Articles per day"
            summary={`${perDayTotal.toLocaleString('en')} articles dated ${filter.from} to ${filter.to}, ${perDayPublished.toLocaleString('en')} published; busiest day ${busiest.day} with ${(busiest.published + busiest.unpublished).toLocaleString('en')}.`}
            days={charts.perDay}
          />
          <BarChart
            id="chart-sources-count"
            title="Top sources by articles"
            summary={
              charts.sources.byCount[0]
                ? `${charts.sources.byCount[0].name} leads with ${charts.sources.byCount[0].articles.toLocaleString('en')} articles.`
                : 'No articles in this range.'
            }
            valueLabel="Articles"
            bars={charts.sources.byCount.map((source) => ({ label: source.name || source.domain, value: source.articles }))}
          />
          <BarChart
            id="chart-sources-quality"
            title="Top sources by average quality"
            summary={
              charts.sources.byQuality[0]
                ? `${charts.sources.byQuality[0].name} averages ${charts.sources.byQuality[0].averageQuality} over ${charts.sources.byQuality[0].scored} scored articles (sources with at least ${MIN_SCORED_FOR_AVERAGE}).`
                : `No source has ${MIN_SCORED_FOR_AVERAGE} scored articles in this range.`
            }
            valueLabel="Average quality"
            max={QUALITY_MAX}
            bars={charts.sources.byQuality.map((source) => ({
              label: source.name || source.domain,
              value: source.averageQuality ?? 0,
              note: `${source.scored} scored`,
            }))}
          />
          <BarChart
            id="chart-quality"
            title="Quality distribution"
            summary={`Most scored articles are in ${modal.label} (${modal.articles.toLocaleString('en')}); ${charts.quality[0]!.articles.toLocaleString('en')} have no score.`}
            valueLabel="Articles"
            bars={charts.quality.map((bucket) => ({ label: bucket.label, value: bucket.articles }))}
          />
          <BarChart
            id="chart-rising"
            title="Topics rising this week"
            summary={
              charts.rising[0]
                ? `${charts.rising[0].name} rose most: ${charts.rising[0].thisWeek} articles in the seven days to ${filter.to}, against ${charts.rising[0].lastWeek} the week before. Bars: this week; outlines and brackets: last week.`
                : `No topic had more articles in the seven days to ${filter.to} than the week before.`
            }
            valueLabel="This week"
            compareLabel="Last week"
            bars={charts.rising.map((topic) => ({ label: topic.name, value: topic.thisWeek, compare: topic.lastWeek }))}
          />
          <SmallMultiples
            id="chart-editors"
            title="Each editor’s changes per day"
            summary={
              charts.editors[0]
                ? `${charts.editors[0].editor} made the most changes (${charts.editors[0].total}); one row per editor, one column per day, on one scale.`
                : 'No editor changed an article in this range.'
            }
            series={charts.editors.map((editor) => ({
              name: editor.editor,
              total: editor.total,
              days: editor.days.map((day) => ({ day: day.day, value: day.changes })),
            }))}
          />
        </div>
      </section>
    </>
  );
}
